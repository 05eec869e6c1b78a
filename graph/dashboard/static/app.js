function B(e,t,n){for(let[r,o]of Object.entries(t))o==null||o===!1||e.setAttribute(r,o===!0?"":String(o));for(let r of n)r==null||r===!1||e.append(r instanceof Node?r:String(r))}function s(e,t={},...n){let r=document.createElement(e);return B(r,t,n),r}var Qe="http://www.w3.org/2000/svg";function C(e,t={},...n){let r=document.createElementNS(Qe,e);return B(r,t,n),r}function p(e){let t=document.getElementById(e);if(t===null)throw new Error(`index.html has no #${e}`);return t}function b(e,...t){e.replaceChildren(),B(e,{},t)}var me="healthhub.token";function Z(){return sessionStorage.getItem(me)}var Y=null;function ge(e){return Y??=new Promise(t=>{let n=p("token-dialog"),r=p("token-form"),o=p("token-input");p("token-rejected").hidden=!e,o.value="";let a=u=>{u.preventDefault();let i=o.value.trim();i!==""&&(r.removeEventListener("submit",a),sessionStorage.setItem(me,i),n.close(),Y=null,t(i))};r.addEventListener("submit",a),n.addEventListener("cancel",u=>u.preventDefault()),n.showModal(),o.focus()}),Y}var je=!1,z="/graphql",M=class extends Error{constructor(n,r,o){super(n);this.code=r;this.status=o;this.name="ApiError"}code;status};function X(){let e=Z();return e===null?{}:{Authorization:`Bearer ${e}`}}function fe(e){return/^\s*(?:query|mutation)\s+(\w+)/.exec(e)?.[1]??"anonymous"}async function ye(e){let t=await e();for(;t.status===401;)await ge(Z()!==null),t=await e();return t}async function he(e,t){performance.mark(`response ${t}`);let n;try{n=await e.json()}catch{throw new M(`The API answered ${e.status} without a JSON body`,null,e.status)}let r=n.errors?.[0];if(r!==void 0)throw new M(r.message,r.extensions?.code??null,e.status);if(n.data===null||n.data===void 0)throw new M(`The API answered ${e.status} without data`,null,e.status);return n.data}async function k(e,...[t]){let n=e.toString(),r=fe(n),o=je&&/^\s*query\b/.test(n);return he(await ye(()=>{if(o){let u=new URLSearchParams({query:n,variables:JSON.stringify(t??{})});return fetch(`${z}?${u.toString()}`,{headers:X()})}return fetch(z,{method:"POST",headers:{...X(),"Content-Type":"application/json"},body:JSON.stringify({query:n,variables:t??{}})})}),r)}async function be(e,t){let n=e.toString();return he(await ye(()=>{let o=new FormData;return o.append("operations",JSON.stringify({query:n,variables:{...t,file:null}})),o.append("map",JSON.stringify({0:["variables.file"]})),o.append("0",t.file,t.file.name),fetch(z,{method:"POST",headers:{...X(),"Apollo-Require-Preflight":"true"},body:o})}),fe(n))}function R(e){return e instanceof M?e.code===null?e.message:`${e.message} (${e.code})`:e instanceof Error?e.message:String(e)}var We={kg:1,hours:1,kcal:0,steps:0,perKg:2,percent:0,count:0},Je={kg:" kg",hours:" h",kcal:" kcal",steps:"",perKg:" g/kg",percent:" %",count:""},ve=new Map;function Be(e,t){let n=`${e}:${t}`,r=ve.get(n);return r===void 0&&(r=new Intl.NumberFormat("en-US",{minimumFractionDigits:e,maximumFractionDigits:e,roundingMode:"halfExpand",signDisplay:t?"exceptZero":"negative"}),ve.set(n,r)),r}function $(e,t,n=!1){return e==null?"—":Be(We[t],n).format(t==="percent"?e*100:e)}function f(e,t,n=!1){return e==null?"—":$(e,t,n)+Je[t]}function we(e){let t=/(Z|[+-]\d{2}:\d{2})$/.exec(e)?.[1]??"",n=t==="Z"||t==="+00:00"?"UTC":`UTC${t}`;return`${e.slice(0,10)} ${e.slice(11,16)} ${n}`}var T=class extends String{__apiType;value;__meta__;constructor(t,n){super(t),this.value=t,this.__meta__=n}toString(){return this.value}},$e=new T(`
    fragment ProfileFields on Profile {
  sex
  birthDate
  heightCm
  activityFactor
  stepsGoal
  proteinTargetGPerKg
  balanceGoalKcal
  sleepTargetHours
  isDefault
}
    `,{fragmentName:"ProfileFields"}),De=new T(`
    fragment ReportFields on Ingestion {
  id
  filename
  status
  createdAt
  rowsRead
  rowsInserted
  rowsUpdated
  rowsUnchanged
  rowsRejected
  firstDate
  lastDate
  kpiDaysRecomputed
  columns
  warnings
  errorCount
  errors {
    row
    column
    value
    message
  }
}
    `,{fragmentName:"ReportFields"}),Re=new T(`
    query Overview {
  dataRange {
    firstDate
    lastDate
    daysLogged
  }
  profile {
    ...ProfileFields
  }
}
    fragment ProfileFields on Profile {
  sex
  birthDate
  heightCm
  activityFactor
  stepsGoal
  proteinTargetGPerKg
  balanceGoalKcal
  sleepTargetHours
  isDefault
}`),xe=new T(`
    query Series($start: Date!, $end: Date!) {
  kpis(start: $start, end: $end) {
    date
    weightTrend
    balanceKcal
    balance7dAvg
    steps7dAvg
    sleep7dAvg
  }
  dailyMetrics(start: $start, end: $end) {
    date
    weightKg
    steps
    sleepHours
  }
}
    `),Pe=new T(`
    query LatestDay($day: Date!) {
  kpis(start: $day, end: $day) {
    weightTrend
    weightTrendChange7d
    balance7dAvg
    balance7dDays
    proteinPerKg
    steps7dAvg
    sleep7dAvg
  }
  dailyMetrics(start: $day, end: $day) {
    steps
    sleepHours
  }
}
    `),ke=new T(`
    mutation UpdateProfile($input: ProfileInput!) {
  updateProfile(input: $input) {
    ...ProfileFields
  }
}
    fragment ProfileFields on Profile {
  sex
  birthDate
  heightCm
  activityFactor
  stepsGoal
  proteinTargetGPerKg
  balanceGoalKcal
  sleepTargetHours
  isDefault
}`),Te=new T(`
    query Summaries($start: Date!, $end: Date!, $period: Period!) {
  kpiSummary(start: $start, end: $end, period: $period) {
    periodStart
    periodEnd
    daysLogged
    weightAvg
    weightTrendEnd
    balanceAvg
    stepsAvg
    stepsGoalRate
    proteinPerKgAvg
    sleepAvg
  }
}
    `),Ae=new T(`
    query Ingestions($limit: Int!) {
  ingestions(limit: $limit) {
    ...ReportFields
  }
}
    fragment ReportFields on Ingestion {
  id
  filename
  status
  createdAt
  rowsRead
  rowsInserted
  rowsUpdated
  rowsUnchanged
  rowsRejected
  firstDate
  lastDate
  kpiDaysRecomputed
  columns
  warnings
  errorCount
  errors {
    row
    column
    value
    message
  }
}`),Se=new T(`
    mutation UploadCsv($file: Upload!, $onInvalidRow: InvalidRowPolicy!, $dateOrder: DateOrder!) {
  uploadCsv(file: $file, onInvalidRow: $onInvalidRow, dateOrder: $dateOrder) {
    ...ReportFields
  }
}
    fragment ReportFields on Ingestion {
  id
  filename
  status
  createdAt
  rowsRead
  rowsInserted
  rowsUpdated
  rowsUnchanged
  rowsRejected
  firstDate
  lastDate
  kpiDaysRecomputed
  columns
  warnings
  errorCount
  errors {
    row
    column
    value
    message
  }
}`);var Ze={"\n  query Overview {\n    dataRange {\n      firstDate\n      lastDate\n      daysLogged\n    }\n    profile {\n      ...ProfileFields\n    }\n  }\n":Re,"\n  query Series($start: Date!, $end: Date!) {\n    kpis(start: $start, end: $end) {\n      date\n      weightTrend\n      balanceKcal\n      balance7dAvg\n      steps7dAvg\n      sleep7dAvg\n    }\n    dailyMetrics(start: $start, end: $end) {\n      date\n      weightKg\n      steps\n      sleepHours\n    }\n  }\n":xe,"\n  query LatestDay($day: Date!) {\n    kpis(start: $day, end: $day) {\n      weightTrend\n      weightTrendChange7d\n      balance7dAvg\n      balance7dDays\n      proteinPerKg\n      steps7dAvg\n      sleep7dAvg\n    }\n    dailyMetrics(start: $day, end: $day) {\n      steps\n      sleepHours\n    }\n  }\n":Pe,"\n  fragment ProfileFields on Profile {\n    sex\n    birthDate\n    heightCm\n    activityFactor\n    stepsGoal\n    proteinTargetGPerKg\n    balanceGoalKcal\n    sleepTargetHours\n    isDefault\n  }\n":$e,"\n  mutation UpdateProfile($input: ProfileInput!) {\n    updateProfile(input: $input) {\n      ...ProfileFields\n    }\n  }\n":ke,"\n  query Summaries($start: Date!, $end: Date!, $period: Period!) {\n    kpiSummary(start: $start, end: $end, period: $period) {\n      periodStart\n      periodEnd\n      daysLogged\n      weightAvg\n      weightTrendEnd\n      balanceAvg\n      stepsAvg\n      stepsGoalRate\n      proteinPerKgAvg\n      sleepAvg\n    }\n  }\n":Te,"\n  fragment ReportFields on Ingestion {\n    id\n    filename\n    status\n    createdAt\n    rowsRead\n    rowsInserted\n    rowsUpdated\n    rowsUnchanged\n    rowsRejected\n    firstDate\n    lastDate\n    kpiDaysRecomputed\n    columns\n    warnings\n    errorCount\n    errors {\n      row\n      column\n      value\n      message\n    }\n  }\n":De,"\n  query Ingestions($limit: Int!) {\n    ingestions(limit: $limit) {\n      ...ReportFields\n    }\n  }\n":Ae,"\n  mutation UploadCsv($file: Upload!, $onInvalidRow: InvalidRowPolicy!, $dateOrder: DateOrder!) {\n    uploadCsv(file: $file, onInvalidRow: $onInvalidRow, dateOrder: $dateOrder) {\n      ...ReportFields\n    }\n  }\n":Se};function D(e){return Ze[e]??{}}function F(e){return Math.round(Date.parse(`${e}T00:00:00Z`)/864e5)}function I(e){return new Date(e*864e5).toISOString().slice(0,10)}function Ie(e,t){return I(F(e)+t)}function ee(e){return/^\d{4}-\d{2}-\d{2}$/.test(e)&&I(F(e))===e}function q(e){return((e+3)%7+7)%7+1}function U(e,t,n,r=()=>!0){let o=F(t),a=[],u=F(e);for(;u<=o;){let i=Math.min(u+n-1,o);if(i<o){let l=i;for(;l>u&&!r(l+1);)l-=1;l>u&&(i=l)}a.push([I(u),I(i)]),u=i+1}return a}var G=640,N=240,x={left:56,right:12,top:12,bottom:26},te=G-x.left-x.right,ne=N-x.top-x.bottom,Ee=["Jan","Feb","Mar","Apr","May","Jun","Jul","Aug","Sep","Oct","Nov","Dec"];function ze(e,t){let n=e/t,r=10**Math.floor(Math.log10(n));return([1,2,2.5,5,10].find(a=>a*r>=n)??10)*r}function Xe(e){let t=1/0,n=-1/0,r=a=>{a!==null&&(a<t&&(t=a),a>n&&(n=a))};for(let a of e)a.kind==="rule"?r(a.value):a.kind==="band"?(a.low.forEach(r),a.high.forEach(r)):(a.values.forEach(r),a.kind==="bars"&&r(a.base??0));if(t===1/0)return[0,1,.25];if(t===n){let a=Math.abs(t)*.05||1;t-=a,n+=a}let o=ze(n-t,4);return[Math.floor(t/o)*o,Math.ceil(n/o)*o,o]}function et(e,t){let n=t-e+1,r=[];if(n<=10){for(let i=e;i<=t;i+=n>5?2:1)r.push([i,I(i).slice(5)]);return r}if(n<=75){for(let i=e;i<=t;i++){if(q(i)!==1)continue;let l=I(i);r.push([i,`${Number(l.slice(8))} ${Ee[Number(l.slice(5,7))-1]}`])}return n>40?r.filter((i,l)=>l%2===0):r}let o=n>800,a=[];for(let i=e;i<=t;i++){let l=I(i);if(l.endsWith("-01")&&(!o||l.slice(5,7)==="01")){let y=Number(l.slice(5,7));a.push([i,o||y===1?l.slice(0,4):Ee[y-1]??""])}}let u=Math.ceil(a.length/10);return a.filter((i,l)=>l%u===0)}function Fe(e){let t=`${e.id}-title`,n=`${e.id}-summary`,r=s("figcaption",{},s("h3",{id:t},e.title)),o=s("p",{id:n,class:"chart-summary"},e.summary);if(e.unavailable===!0)return s("figure",{class:"chart unavailable",id:e.id},r,o);let[a,u,i]=Xe(e.layers),l=!e.layers.some(c=>c.kind!=="rule"&&(c.kind==="band"?c.low:c.values).some(E=>E!==null)),y=te/(e.end-e.start+1),m=c=>x.left+(c-e.start+.5)*y,g=c=>x.top+ne-(c-a)/(u-a)*ne,v=c=>c.toFixed(1),h=[],w=[];for(let c=a;!l&&c<=u+i/2;c+=i)h.push(`M${x.left} ${v(g(c))}H${G-x.right}`),w.push(C("text",{x:x.left-6,y:v(g(c)+4),class:"tick tick-y"},$(c,e.unit)));for(let[c,E]of et(e.start,e.end))h.push(`M${v(m(c))} ${N-x.bottom}v4`),w.push(C("text",{x:v(m(c)),y:N-6,class:"tick tick-x"},E));let P=e.layers.map(c=>{let E=tt(c,e.days,m,g,y,v);return C("path",{d:E===""?null:E,class:`layer ${c.kind} ${c.className}`})});if(l){let c=x.top+ne/2;w.push(C("text",{x:x.left+te/2,y:c,class:"no-data"},"No data in this range"))}let Q=C("svg",{viewBox:`0 0 ${G} ${N}`,role:"img","aria-labelledby":t,"aria-describedby":n,class:e.end-e.start+1>te/2?"chart-svg dense":"chart-svg"},C("path",{d:h.join(""),class:"grid"}),...P,...w),j=s("ul",{class:"legend"},...e.layers.map(c=>s("li",{},s("span",{class:`key key-${c.kind} ${c.className}`}),c.label)));return s("figure",{class:"chart",id:e.id},r,Q,j,o)}function tt(e,t,n,r,o,a){let u=[];switch(e.kind){case"rule":return`M${x.left} ${a(r(e.value))}H${G-x.right}`;case"dots":e.values.forEach((i,l)=>{i!==null&&u.push(`M${a(n(t[l]??0))} ${a(r(i))}h0`)});break;case"line":{let i=!1;e.values.forEach((l,y)=>{if(l===null){i=!1;return}u.push(`${i?"L":"M"}${a(n(t[y]??0))} ${a(r(l))}`),i=!0});break}case"bars":{let i=Math.max(o*.7,.6),l=r(e.base??0);e.values.forEach((y,m)=>{if(y===null)return;let g=n(t[m]??0)-i/2;u.push(`M${a(g)} ${a(l)}V${a(r(y))}h${a(i)}V${a(l)}Z`)});break}case"band":{let i=[],l=()=>{if(i.length>0){let y=i.map(g=>`${a(n(t[g]??0))} ${a(r(e.high[g]??0))}`),m=i.map(g=>`${a(n(t[g]??0))} ${a(r(e.low[g]??0))}`).reverse();u.push(`M${y.join("L")}L${m.join("L")}Z`)}i=[]};e.low.forEach((y,m)=>{y===null||e.high[m]===null||e.high[m]===void 0?l():i.push(m)}),l();break}}return u.join("")}var ae=3660,nt=D(`
  query Series($start: Date!, $end: Date!) {
    kpis(start: $start, end: $end) {
      date
      weightTrend
      balanceKcal
      balance7dAvg
      steps7dAvg
      sleep7dAvg
    }
    dailyMetrics(start: $start, end: $end) {
      date
      weightKg
      steps
      sleepHours
    }
  }
`);function rt(e){return null}async function at(e){let t=await Promise.all(U(e.start,e.end,ae).map(([r,o])=>k(nt,{start:r,end:o}))),n=[];for(let r of t){let o=new Map(r.dailyMetrics.map(a=>[a.date,a]));for(let a of r.kpis)n.push({day:F(a.date),date:a.date,kpi:a,metric:o.get(a.date),expenditure:rt(a)})}return n}function A(e,t){return e.map(n=>t(n)??null)}function H(e){return e.filter(t=>t!==null).length}function re(e,t){for(let n=t.length-1;n>=0;n--){let r=t[n],o=e[n];if(r!=null&&o!==void 0)return[o.date,r]}return null}function st(e,t,n){let r={start:F(e.start),end:F(e.end),days:t.map(d=>d.day)},o=A(t,d=>d.metric?.weightKg),a=A(t,d=>d.kpi.weightTrend),u=re(t,a),i=A(t,d=>d.expenditure?.mid),l=A(t,d=>d.expenditure?.low),y=A(t,d=>d.expenditure?.high),m=re(t,i),g=t.some(d=>d.expenditure!==null),v=A(t,d=>d.kpi.balanceKcal),h=A(t,d=>d.kpi.balance7dAvg),w=re(t,h),P=A(t,d=>d.metric?.steps),Q=A(t,d=>d.kpi.steps7dAvg),j=P.filter(d=>d!==null&&d>=n.stepsGoal).length,c=A(t,d=>d.metric?.sleepHours),E=A(t,d=>d.kpi.sleep7dAvg),L=c.filter(d=>d!==null),_e=L.length?L.reduce((d,J)=>d+J,0)/L.length:null,W=(d,J)=>d===null?"none in this range":`${f(d[1],J)} on ${d[0]}`;return[{...r,id:"chart-weight",title:"Weight (kg)",unit:"kg",layers:[{kind:"dots",values:o,className:"c-weight",label:"Weigh-ins"},{kind:"line",values:a,className:"c-trend",label:"Trend"}],summary:`${$(H(o),"count")} weigh-ins. Trend: ${W(u,"kg")}.`},{...r,id:"chart-expenditure",title:"Expenditure (kcal/day)",unit:"kcal",layers:[{kind:"band",low:l,high:y,className:"c-band",label:"80 % interval"},{kind:"line",values:i,className:"c-expenditure",label:"Estimate"}],summary:g?`${$(H(i),"count")} days with an estimate. Latest: ${W(m,"kcal")}.`:"Not yet available: this server does not estimate expenditure yet.",unavailable:!g},{...r,id:"chart-balance",title:"Daily balance (kcal)",unit:"kcal",layers:[{kind:"bars",values:v,className:"c-balance",label:"Balance"},{kind:"line",values:h,className:"c-average",label:"7-day average"},{kind:"rule",value:n.balanceGoalKcal,className:"c-goal",label:`Goal ${f(n.balanceGoalKcal,"kcal")}`}],summary:`${$(H(v),"count")} days with a balance. 7-day average: ${W(w,"kcal")}.`},{...r,id:"chart-steps",title:"Steps",unit:"steps",layers:[{kind:"bars",values:P,className:"c-steps",label:"Steps"},{kind:"line",values:Q,className:"c-average",label:"7-day average"},{kind:"rule",value:n.stepsGoal,className:"c-goal",label:`Goal ${f(n.stepsGoal,"steps")}`}],summary:`${$(H(P),"count")} days with steps, ${$(j,"count")} at or above the goal of ${f(n.stepsGoal,"steps")}.`},{...r,id:"chart-sleep",title:"Sleep (hours)",unit:"hours",layers:[{kind:"dots",values:c,className:"c-sleep",label:"Nights"},{kind:"line",values:E,className:"c-average",label:"7-day average"},{kind:"rule",value:n.sleepTargetHours,className:"c-goal",label:`Target ${f(n.sleepTargetHours,"hours")}`}],summary:`${$(L.length,"count")} nights logged, average ${f(_e,"hours")} against the target of ${f(n.sleepTargetHours,"hours")}.`}]}var O=0;async function Ce(e,t){let n=++O,r=p("charts"),o=p("charts-status");r.setAttribute("aria-busy","true"),o.textContent=`Loading ${e.start} to ${e.end}…`;try{let a=await at(e);if(n!==O)return;performance.mark("charts-data"),b(r,...st(e,a,t).map(Fe)),o.textContent=`${$(a.length,"count")} logged days from ${e.start} to ${e.end}.`,await new Promise(u=>requestAnimationFrame(()=>setTimeout(u,0))),performance.mark("charts-drawn"),r.dataset.range=`${e.start}..${e.end}`}catch(a){n===O&&(o.textContent=`Could not load the charts: ${R(a)}`)}finally{n===O&&r.removeAttribute("aria-busy")}}var ot=["latest-section","charts-section","summaries-section"];function Me(e){p("empty").hidden=!e;for(let t of ot)p(t).hidden=e}var it=D(`
  query LatestDay($day: Date!) {
    kpis(start: $day, end: $day) {
      weightTrend
      weightTrendChange7d
      balance7dAvg
      balance7dDays
      proteinPerKg
      steps7dAvg
      sleep7dAvg
    }
    dailyMetrics(start: $day, end: $day) {
      steps
      sleepHours
    }
  }
`);function K(e,t,n,r,o=!1){return s("div",{class:"figure","data-figure":e},s("dt",{},t),s("dd",{class:o?"value missing":"value"},n),s("dd",{class:"detail"},r))}async function Ke(e,t){let n=p("headline");p("headline-day").textContent=e;try{let r=await k(it,{day:e}),o=r.kpis[0],a=r.dailyMetrics[0];b(n,K("weight-trend","Weight trend",f(o?.weightTrend,"kg"),`${f(o?.weightTrendChange7d,"kg",!0)} in 7 days`),K("expenditure","Expenditure","Not yet available","This server does not estimate it yet",!0),K("balance","7-day balance",`${f(o?.balance7dAvg,"kcal",!0)}/day`,`${o?.balance7dDays??0} of 7 days; goal ${f(t.balanceGoalKcal,"kcal",!0)}`),K("steps","Steps",f(a?.steps,"steps"),`7-day average ${f(o?.steps7dAvg,"steps")}; goal ${f(t.stepsGoal,"steps")}`),K("sleep","Sleep",f(a?.sleepHours,"hours"),`7-day average ${f(o?.sleep7dAvg,"hours")}; target ${f(t.sleepTargetHours,"hours")}`),K("protein","Protein",f(o?.proteinPerKg,"perKg"),`target ${f(t.proteinTargetGPerKg,"perKg")}`))}catch(r){b(n,s("p",{role:"alert"},`Could not load the latest day: ${R(r)}`))}}var Bt=D(`
  fragment ProfileFields on Profile {
    sex
    birthDate
    heightCm
    activityFactor
    stepsGoal
    proteinTargetGPerKg
    balanceGoalKcal
    sleepTargetHours
    isDefault
  }
`),lt=D(`
  mutation UpdateProfile($input: ProfileInput!) {
    updateProfile(input: $input) {
      ...ProfileFields
    }
  }
`),se=[{key:"heightCm",label:"Height (cm)",step:"0.1",min:"50",max:"272"},{key:"activityFactor",label:"Activity factor",step:"0.01",min:"1",max:"2.5"},{key:"stepsGoal",label:"Steps goal (steps a day)",step:"1",min:"0"},{key:"proteinTargetGPerKg",label:"Protein target (g per kg)",step:"0.1",min:"0"},{key:"balanceGoalKcal",label:"Balance goal (kcal a day)",step:"1"},{key:"sleepTargetHours",label:"Sleep target (hours)",step:"0.1",min:"0",max:"24"}];function oe(e,t,n){return s("div",{class:"field"},s("label",{for:e},t),n)}function Le(e,t){let n=s("select",{id:"profile-sex",name:"sex"},s("option",{value:"MALE",selected:e.sex==="MALE"},"Male"),s("option",{value:"FEMALE",selected:e.sex==="FEMALE"},"Female")),r=s("input",{type:"date",id:"profile-birthDate",name:"birthDate",value:e.birthDate??""}),o=se.map(i=>s("input",{type:"number",id:`profile-${i.key}`,name:i.key,step:i.step,min:i.min,max:i.max,required:i.key!=="heightCm",value:e[i.key]??""})),a=s("p",{class:"status",role:"status",id:"profile-status"}),u=s("form",{id:"profile-form",class:"profile-form"},e.isDefault?s("p",{class:"note"},"This is the default profile: enter your own so the KPIs fit you."):null,s("div",{class:"fields"},oe("profile-sex","Sex (for the BMR formula)",n),oe("profile-birthDate","Birth date",r),...se.map((i,l)=>oe(`profile-${i.key}`,i.label,o[l]??s("span")))),s("button",{type:"submit"},"Save profile"),a);u.addEventListener("submit",i=>{i.preventDefault();let l={sex:n.value,birthDate:r.value===""?null:r.value};se.forEach((y,m)=>{let g=o[m]?.value??"";l[y.key]=g===""?null:Number(g)}),a.textContent="Saving and recomputing the KPIs…",k(lt,{input:l}).then(()=>{a.textContent="Saved.",t()}).catch(y=>{a.textContent=`Not saved: ${R(y)}`})}),b(p("profile"),u)}var V=[{value:"30",label:"30 days",days:30},{value:"90",label:"90 days",days:90},{value:"365",label:"1 year",days:365},{value:"all",label:"All",days:null},{value:"custom",label:"Custom",days:null}];function ut(){let e=new URLSearchParams(location.hash.slice(1)).get("range")??"90",t=/^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(e);return t?.[1]!==void 0&&t[2]!==void 0?{choice:"custom",custom:{start:t[1],end:t[2]}}:{choice:V.find(r=>r.value===e&&r.value!=="custom")?.value??"90",custom:null}}function qe(e,t,n){let r=ut(),o=s("input",{type:"date",id:"range-from",name:"from",required:!0}),a=s("input",{type:"date",id:"range-to",name:"to",required:!0}),u=s("p",{class:"form-error",role:"alert"}),i=s("form",{id:"range-custom-form",class:"range-custom",novalidate:!0},s("label",{for:"range-from"},"From"),o,s("label",{for:"range-to"},"To"),a,s("button",{type:"submit"},"Show"),u),l=V.map(h=>s("input",{type:"radio",name:"range",value:h.value,id:`range-${h.value}`,checked:h.value===r.choice})),y=s("fieldset",{class:"range-presets"},s("legend",{},"Range"),...V.map((h,w)=>s("span",{class:"choice"},l[w],s("label",{for:`range-${h.value}`},h.label)))),m=h=>{let w=V.find(P=>P.value===h);return h==="all"?{start:e,end:t}:w?.days?{start:Ie(t,1-w.days),end:t}:{start:o.value,end:a.value}},g=(h,w)=>{i.hidden=h!=="custom",u.textContent="";let P=h==="custom"?`${w.start}..${w.end}`:h;history.replaceState(null,"",`#range=${P}`),n(w)};for(let h of l)h.addEventListener("change",()=>{let w=h.value;if(w==="custom"){i.hidden=!1,o.focus();return}let P=m(w);o.value=P.start,a.value=P.end,g(w,P)});i.addEventListener("submit",h=>{if(h.preventDefault(),!ee(o.value)||!ee(a.value)){u.textContent="Enter both dates.";return}if(o.value>a.value){u.textContent="The start date must not be after the end date.";return}g("custom",m("custom"))}),b(p("range"),y,i);let v=r.custom??m(r.choice);o.value=v.start,a.value=v.end,g(r.choice,v)}var dt=D(`
  query Summaries($start: Date!, $end: Date!, $period: Period!) {
    kpiSummary(start: $start, end: $end, period: $period) {
      periodStart
      periodEnd
      daysLogged
      weightAvg
      weightTrendEnd
      balanceAvg
      stepsAvg
      stepsGoalRate
      proteinPerKgAvg
      sleepAvg
    }
  }
`),Ue=[["Days logged",e=>$(e.daysLogged,"count")],["Weight",e=>f(e.weightAvg,"kg")],["Trend at end",e=>f(e.weightTrendEnd,"kg")],["Balance a day",e=>f(e.balanceAvg,"kcal",!0)],["Steps a day",e=>f(e.stepsAvg,"steps")],["Steps goal met",e=>f(e.stepsGoalRate,"percent")],["Protein",e=>f(e.proteinPerKgAvg,"perKg")],["Sleep",e=>f(e.sleepAvg,"hours")]];function pt(e){return e==="WEEK"?t=>q(t)===1:t=>I(t).endsWith("-01")}var le=null,ie=0;async function Ne(e,t){let n=++ie,r=p("summaries-table"),o=p("summaries-status");try{let a=await Promise.all(U(e.start,e.end,ae,pt(t)).map(([l,y])=>k(dt,{start:l,end:y,period:t})));if(n!==ie)return;let u=a.flatMap(l=>l.kpiSummary).reverse(),i=t==="WEEK"?"Week":"Month";b(r,s("caption",{},`${i}s from ${e.start} to ${e.end}, newest first`),s("thead",{},s("tr",{},s("th",{scope:"col"},i),...Ue.map(([l])=>s("th",{scope:"col"},l)))),s("tbody",{},...u.map(l=>s("tr",{},s("th",{scope:"row"},`${l.periodStart} – ${l.periodEnd}`),...Ue.map(([,y])=>s("td",{},y(l))))))),o.textContent=""}catch(a){n===ie&&(o.textContent=`Could not load the summaries: ${R(a)}`)}}function Ge(){return p("period-month").checked?"MONTH":"WEEK"}function He(e){le=e,Ne(e,Ge())}function Oe(){for(let e of["period-week","period-month"])p(e).addEventListener("change",()=>{le!==null&&Ne(le,Ge())})}var _=!1,mn=D(`
  fragment ReportFields on Ingestion {
    id
    filename
    status
    createdAt
    rowsRead
    rowsInserted
    rowsUpdated
    rowsUnchanged
    rowsRejected
    firstDate
    lastDate
    kpiDaysRecomputed
    columns
    warnings
    errorCount
    errors {
      row
      column
      value
      message
    }
  }
`),ct=D(`
  query Ingestions($limit: Int!) {
    ingestions(limit: $limit) {
      ...ReportFields
    }
  }
`),mt=D(`
  mutation UploadCsv($file: Upload!, $onInvalidRow: InvalidRowPolicy!, $dateOrder: DateOrder!) {
    uploadCsv(file: $file, onInvalidRow: $onInvalidRow, dateOrder: $dateOrder) {
      ...ReportFields
    }
  }
`),gt=20,ue={APPLIED:"Applied",REJECTED:"Rejected",UNCHANGED:"Unchanged"};function S(e){return $(e,"count")}function de(e){let t=[["Rows read",S(e.rowsRead)],["New days",S(e.rowsInserted)],["Updated days",S(e.rowsUpdated)],["Unchanged days",S(e.rowsUnchanged)],["Rejected rows",S(e.rowsRejected)],["Dates",e.firstDate===null?"—":`${e.firstDate} – ${e.lastDate??""}`],["KPI days recomputed",S(e.kpiDaysRecomputed)]],n=e.errors.length;return s("div",{class:"report"},s("dl",{class:"counts"},...t.map(([r,o])=>s("div",{},s("dt",{},r),s("dd",{},o)))),s("p",{},"Columns: ",e.columns.length?e.columns.join(", "):"none recognised"),e.warnings.length>0&&s("div",{class:"warnings"},s("h4",{},`Warnings (${e.warnings.length})`),s("ul",{},...e.warnings.map(r=>s("li",{},r)))),e.errorCount>0&&s("table",{class:"errors"},s("caption",{},n<e.errorCount?`Errors: the first ${S(n)} of ${S(e.errorCount)}`:`Errors (${S(e.errorCount)})`),s("thead",{},s("tr",{},...["Row","Column","Value","Message"].map(r=>s("th",{scope:"col"},r)))),s("tbody",{},...e.errors.map(r=>s("tr",{},s("td",{},r.row===null?"—":String(r.row)),s("td",{},r.column??"—"),s("td",{},s("code",{},r.value??"")),s("td",{},r.message))))))}function ft(e){let t=e.filename??"(no file name)";return`${we(e.createdAt)} · ${t} · ${ue[e.status]} · ${S(e.rowsRead)} rows read, ${S(e.errorCount)} errors`}async function pe(){let e=p("history");try{let{ingestions:t}=await k(ct,{limit:gt});if(t.length===0){b(e,s("p",{},"No uploads yet."));return}b(e,...t.map(n=>s("details",{class:`ingestion status-${n.status}`,"data-id":n.id},s("summary",{},ft(n)),de(n))))}catch(t){b(e,s("p",{role:"alert"},`Could not load the upload history: ${R(t)}`))}}function Ve(e){let t=p("upload-form"),n=p("upload-file"),r=p("upload-policy"),o=p("upload-date-order"),a=p("upload-submit"),u=p("upload-result");a.textContent=_?"Preview":"Upload";let i=(m,g)=>be(mt,{file:m,onInvalidRow:r.value,dateOrder:o.value}).then(v=>v.uploadCsv),l=m=>{b(u,s("h3",{},`${ue[m.status]}: ${m.filename??""}`),de(m)),m.status==="APPLIED"?e():pe()},y=(m,g)=>{let v=s("button",{type:"button",id:"upload-apply",disabled:g.status==="REJECTED"},"Apply"),h=s("button",{type:"button",class:"secondary"},"Cancel");v.addEventListener("click",()=>{v.disabled=!0,b(u,s("p",{role:"status"},"Applying…")),i(m,!1).then(l,w=>{b(u,s("p",{role:"alert"},`Not applied: ${R(w)}`))})}),h.addEventListener("click",()=>b(u)),b(u,s("h3",{},`Preview: ${m.name} would be ${ue[g.status].toLowerCase()}`),s("p",{},"Nothing is stored yet."),de(g),s("div",{class:"actions"},v,h))};t.addEventListener("submit",m=>{m.preventDefault();let g=n.files?.[0];if(g===void 0){b(u,s("p",{role:"alert"},"Choose a CSV file first."));return}b(u,s("p",{role:"status"},_?"Checking the file…":"Uploading…")),i(g,_).then(v=>_?y(g,v):l(v),v=>b(u,s("p",{role:"alert"},`Not uploaded: ${R(v)}`)))}),n.addEventListener("change",()=>b(u))}var yt=D(`
  query Overview {
    dataRange {
      firstDate
      lastDate
      daysLogged
    }
    profile {
      ...ProfileFields
    }
  }
`);async function ce(){let e=p("page-status");try{let{dataRange:t,profile:n}=await k(yt);Le(n,()=>{ce()}),pe();let{firstDate:r,lastDate:o}=t;Me(r===null||o===null),r!==null&&o!==null&&(p("days-logged").textContent=`${$(t.daysLogged,"count")} days logged, ${r} to ${o}`,Ke(o,n),qe(r,o,a=>{Ce(a,n),He(a)})),e.textContent="",document.body.dataset.loaded="true"}catch(t){e.textContent=`Could not reach the API: ${R(t)}`}}Oe();Ve(()=>{ce()});ce();
