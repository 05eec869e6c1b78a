function J(e,t,r){for(let[n,s]of Object.entries(t))s==null||s===!1||e.setAttribute(n,s===!0?"":String(s));for(let n of r)n==null||n===!1||e.append(n instanceof Node?n:String(n))}function o(e,t={},...r){let n=document.createElement(e);return J(n,t,r),n}var je="http://www.w3.org/2000/svg";function T(e,t={},...r){let n=document.createElementNS(je,e);return J(n,t,r),n}function y(e){let t=document.getElementById(e);if(t===null)throw new Error(`index.html has no #${e}`);return t}function w(e,...t){e.replaceChildren(),J(e,{},t)}var ge="healthhub.token";function Z(){return sessionStorage.getItem(ge)}var Y=null;function fe(e){return Y??=new Promise(t=>{let r=y("token-dialog"),n=y("token-form"),s=y("token-input");y("token-rejected").hidden=!e,s.value="";let a=u=>{u.preventDefault();let i=s.value.trim();i!==""&&(n.removeEventListener("submit",a),sessionStorage.setItem(ge,i),r.close(),Y=null,t(i))};n.addEventListener("submit",a),r.addEventListener("cancel",u=>u.preventDefault()),r.showModal(),s.focus()}),Y}var We=!1,X="/graphql",L=class extends Error{constructor(r,n,s){super(r);this.code=n;this.status=s;this.name="ApiError"}code;status};function z(){let e=Z();return e===null?{}:{Authorization:`Bearer ${e}`}}function ye(e){return/^\s*(?:query|mutation)\s+(\w+)/.exec(e)?.[1]??"anonymous"}async function he(e){let t=await e();for(;t.status===401;)await fe(Z()!==null),t=await e();return t}async function be(e,t){performance.mark(`response ${t}`);let r;try{r=await e.json()}catch{throw new L(`The API answered ${e.status} without a JSON body`,null,e.status)}let n=r.errors?.[0];if(n!==void 0)throw new L(n.message,n.extensions?.code??null,e.status);if(r.data===null||r.data===void 0)throw new L(`The API answered ${e.status} without data`,null,e.status);return r.data}async function A(e,...[t]){let r=e.toString(),n=ye(r),s=We&&/^\s*query\b/.test(r);return be(await he(()=>{if(s){let u=new URLSearchParams({query:r,variables:JSON.stringify(t??{})});return fetch(`${X}?${u.toString()}`,{headers:z()})}return fetch(X,{method:"POST",headers:{...z(),"Content-Type":"application/json"},body:JSON.stringify({query:r,variables:t??{}})})}),n)}async function ve(e,t){let r=e.toString();return be(await he(()=>{let s=new FormData;return s.append("operations",JSON.stringify({query:r,variables:{...t,file:null}})),s.append("map",JSON.stringify({0:["variables.file"]})),s.append("0",t.file,t.file.name),fetch(X,{method:"POST",headers:{...z(),"Apollo-Require-Preflight":"true"},body:s})}),ye(r))}function k(e){return e instanceof L?e.code===null?e.message:`${e.message} (${e.code})`:e instanceof Error?e.message:String(e)}var Be={kg:1,hours:1,kcal:0,steps:0,perKg:2,percent:0,count:0},Je={kg:" kg",hours:" h",kcal:" kcal",steps:"",perKg:" g/kg",percent:" %",count:""},we=new Map;function Ye(e,t){let r=`${e}:${t}`,n=we.get(r);return n===void 0&&(n=new Intl.NumberFormat("en-US",{minimumFractionDigits:e,maximumFractionDigits:e,roundingMode:"halfExpand",signDisplay:t?"exceptZero":"negative"}),we.set(r,n)),n}function D(e,t,r=!1){return e==null?"—":Ye(Be[t],r).format(t==="percent"?e*100:e)}function b(e,t,r=!1){return e==null?"—":D(e,t,r)+Je[t]}function $e(e){let t=/(Z|[+-]\d{2}:\d{2})$/.exec(e)?.[1]??"",r=t==="Z"||t==="+00:00"?"UTC":`UTC${t}`;return`${e.slice(0,10)} ${e.slice(11,16)} ${r}`}var S=class extends String{__apiType;value;__meta__;constructor(t,r){super(t),this.value=t,this.__meta__=r}toString(){return this.value}},De=new S(`
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
    `,{fragmentName:"ProfileFields"}),xe=new S(`
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
    `,{fragmentName:"ReportFields"}),Re=new S(`
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
}`),ke=new S(`
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
    `),Pe=new S(`
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
    `),Te=new S(`
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
}`),Ae=new S(`
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
    `),Se=new S(`
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
}`),Ee=new S(`
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
}`);var Xe={"\n  query Overview {\n    dataRange {\n      firstDate\n      lastDate\n      daysLogged\n    }\n    profile {\n      ...ProfileFields\n    }\n  }\n":Re,"\n  query Series($start: Date!, $end: Date!) {\n    kpis(start: $start, end: $end) {\n      date\n      weightTrend\n      balanceKcal\n      balance7dAvg\n      steps7dAvg\n      sleep7dAvg\n    }\n    dailyMetrics(start: $start, end: $end) {\n      date\n      weightKg\n      steps\n      sleepHours\n    }\n  }\n":ke,"\n  query LatestDay($day: Date!) {\n    kpis(start: $day, end: $day) {\n      weightTrend\n      weightTrendChange7d\n      balance7dAvg\n      balance7dDays\n      proteinPerKg\n      steps7dAvg\n      sleep7dAvg\n    }\n    dailyMetrics(start: $day, end: $day) {\n      steps\n      sleepHours\n    }\n  }\n":Pe,"\n  fragment ProfileFields on Profile {\n    sex\n    birthDate\n    heightCm\n    activityFactor\n    stepsGoal\n    proteinTargetGPerKg\n    balanceGoalKcal\n    sleepTargetHours\n    isDefault\n  }\n":De,"\n  mutation UpdateProfile($input: ProfileInput!) {\n    updateProfile(input: $input) {\n      ...ProfileFields\n    }\n  }\n":Te,"\n  query Summaries($start: Date!, $end: Date!, $period: Period!) {\n    kpiSummary(start: $start, end: $end, period: $period) {\n      periodStart\n      periodEnd\n      daysLogged\n      weightAvg\n      weightTrendEnd\n      balanceAvg\n      stepsAvg\n      stepsGoalRate\n      proteinPerKgAvg\n      sleepAvg\n    }\n  }\n":Ae,"\n  fragment ReportFields on Ingestion {\n    id\n    filename\n    status\n    createdAt\n    rowsRead\n    rowsInserted\n    rowsUpdated\n    rowsUnchanged\n    rowsRejected\n    firstDate\n    lastDate\n    kpiDaysRecomputed\n    columns\n    warnings\n    errorCount\n    errors {\n      row\n      column\n      value\n      message\n    }\n  }\n":xe,"\n  query Ingestions($limit: Int!) {\n    ingestions(limit: $limit) {\n      ...ReportFields\n    }\n  }\n":Se,"\n  mutation UploadCsv($file: Upload!, $onInvalidRow: InvalidRowPolicy!, $dateOrder: DateOrder!) {\n    uploadCsv(file: $file, onInvalidRow: $onInvalidRow, dateOrder: $dateOrder) {\n      ...ReportFields\n    }\n  }\n":Ee};function R(e){return Xe[e]??{}}function M(e){return Math.round(Date.parse(`${e}T00:00:00Z`)/864e5)}function E(e){return new Date(e*864e5).toISOString().slice(0,10)}function Ie(e,t){return E(M(e)+t)}function ee(e){return/^\d{4}-\d{2}-\d{2}$/.test(e)&&E(M(e))===e}function H(e){return((e+3)%7+7)%7+1}function O(e,t,r,n=()=>!0){let s=M(t),a=[],u=M(e);for(;u<=s;){let i=Math.min(u+r-1,s);if(i<s){let l=i;for(;l>u&&!n(l+1);)l-=1;l>u&&(i=l)}a.push([E(u),E(i)]),u=i+1}return a}var q=640,N=240,$={left:56,right:12,top:12,bottom:26},te=q-$.left-$.right,ne=N-$.top-$.bottom,Fe=["Jan","Feb","Mar","Apr","May","Jun","Jul","Aug","Sep","Oct","Nov","Dec"];function ze(e,t){let r=e/t,n=10**Math.floor(Math.log10(r));return([1,2,2.5,5,10].find(a=>a*n>=r)??10)*n}function et(e){let t=1/0,r=-1/0,n=a=>{a!==null&&(a<t&&(t=a),a>r&&(r=a))};for(let a of e)a.kind==="rule"?n(a.value):a.kind==="band"?(a.low.forEach(n),a.high.forEach(n)):(a.values.forEach(n),a.kind==="bars"&&n(a.base??0));if(t===1/0)return[0,1,.25];if(t===r){let a=Math.abs(t)*.05||1;t-=a,r+=a}let s=ze(r-t,4);return[Math.floor(t/s)*s,Math.ceil(r/s)*s,s]}function tt(e,t){let r=t-e+1,n=[];if(r<=10){for(let i=e;i<=t;i+=r>5?2:1)n.push([i,E(i).slice(5)]);return n}if(r<=75){for(let i=e;i<=t;i++){if(H(i)!==1)continue;let l=E(i);n.push([i,`${Number(l.slice(8))} ${Fe[Number(l.slice(5,7))-1]}`])}return r>40?n.filter((i,l)=>l%2===0):n}let s=r>800,a=[];for(let i=e;i<=t;i++){let l=E(i);if(l.endsWith("-01")&&(!s||l.slice(5,7)==="01")){let g=Number(l.slice(5,7));a.push([i,s||g===1?l.slice(0,4):Fe[g-1]??""])}}let u=Math.ceil(a.length/10);return a.filter((i,l)=>l%u===0)}function Ce(e){let t=`${e.id}-title`,r=`${e.id}-summary`,n=o("figcaption",{},o("h3",{id:t},e.title)),s=o("p",{id:r,class:"chart-summary"},e.summary);if(e.unavailable===!0)return o("figure",{class:"chart unavailable",id:e.id},n,s);let[a,u,i]=et(e.layers),l=!e.layers.some(f=>f.kind!=="rule"&&(f.kind==="band"?f.low:f.values).some(P=>P!==null)),g=te/(e.end-e.start+1),d=f=>$.left+(f-e.start+.5)*g,c=f=>$.top+ne-(f-a)/(u-a)*ne,h=f=>f.toFixed(1),p=[],v=[];for(let f=a;!l&&f<=u+i/2;f+=i)p.push(`M${$.left} ${h(c(f))}H${q-$.right}`),v.push(T("text",{x:$.left-6,y:h(c(f)+4),class:"tick tick-y"},D(f,e.unit)));for(let[f,P]of tt(e.start,e.end))p.push(`M${h(d(f))} ${N-$.bottom}v4`),v.push(T("text",{x:h(d(f)),y:N-6,class:"tick tick-x"},P));let x=e.layers.map(f=>{let P=nt(f,e.days,d,c,g,h);return T("path",{d:P===""?null:P,class:`layer ${f.kind} ${f.className}`})});if(l){let f=$.top+ne/2;v.push(T("text",{x:$.left+te/2,y:f,class:"no-data"},"No data in this range"))}let C=T("svg",{viewBox:`0 0 ${q} ${N}`,role:"img","aria-labelledby":t,"aria-describedby":r,class:e.end-e.start+1>te/2?"chart-svg dense":"chart-svg"},T("path",{d:p.join(""),class:"grid"}),...x,...v);l||at(C,e,d,g);let U=o("ul",{class:"legend"},...e.layers.map(f=>o("li",{},o("span",{class:`key key-${f.kind} ${f.className}`}),f.label)));return o("figure",{class:"chart",id:e.id},n,C,U,s)}function nt(e,t,r,n,s,a){let u=[];switch(e.kind){case"rule":return`M${$.left} ${a(n(e.value))}H${q-$.right}`;case"dots":e.values.forEach((i,l)=>{i!==null&&u.push(`M${a(r(t[l]??0))} ${a(n(i))}h0`)});break;case"line":{let i=!1;e.values.forEach((l,g)=>{if(l===null){i=!1;return}u.push(`${i?"L":"M"}${a(r(t[g]??0))} ${a(n(l))}`),i=!0});break}case"bars":{let i=Math.max(s*.7,.6),l=n(e.base??0);e.values.forEach((g,d)=>{if(g===null)return;let c=r(t[d]??0)-i/2;u.push(`M${a(c)} ${a(l)}V${a(n(g))}h${a(i)}V${a(l)}Z`)});break}case"band":{let i=[],l=()=>{if(i.length>0){let g=i.map(c=>`${a(r(t[c]??0))} ${a(n(e.high[c]??0))}`),d=i.map(c=>`${a(r(t[c]??0))} ${a(n(e.low[c]??0))}`).reverse();u.push(`M${g.join("L")}L${d.join("L")}Z`)}i=[]};e.low.forEach((g,d)=>{g===null||e.high[d]===null||e.high[d]===void 0?l():i.push(d)}),l();break}}return u.join("")}function re(e,t){return e==null?null:D(e,t)}function rt(e,t){let r=[];for(let n of e.layers){if(n.kind==="rule")continue;if(n.kind==="band"){let a=re(n.low[t],e.unit),u=re(n.high[t],e.unit);a!==null&&u!==null&&r.push(`${n.label}: ${a}–${u}`);continue}let s=re(n.values[t],e.unit);s!==null&&r.push(`${n.label}: ${s}`)}return r}function at(e,t,r,n){let s=T("path",{class:"cursor-line"}),a=T("rect",{class:"cursor-box",rx:4}),u=T("text",{class:"cursor-text"}),i=T("g",{class:"cursor",visibility:"hidden","aria-hidden":"true"},s,a,u);e.append(i);let l=g=>{let d=0,c=t.days.length-1;for(;d<c;){let p=d+c>>1;(t.days[p]??0)<g?d=p+1:c=p}let h=d-1;return h>=0&&g-(t.days[h]??0)<(t.days[d]??0)-g?h:d};e.addEventListener("pointermove",g=>{if(t.days.length===0)return;let d=e.getBoundingClientRect(),c=(g.clientX-d.left)/d.width*q,h=l(t.start+Math.floor((c-$.left)/n)),p=t.days[h];if(p===void 0)return;let v=r(p);s.setAttribute("d",`M${v.toFixed(1)} ${$.top}V${N-$.bottom}`);let x=[E(p),...rt(t,h)];u.replaceChildren(...x.map((P,K)=>T("tspan",{x:0,dy:K===0?0:14},P)));let C=Math.max(...x.map(P=>P.length))*6.4+12,U=x.length*14+8,f=v+8+C>q-$.right?v-8-C:v+8;a.setAttribute("x",f.toFixed(1)),a.setAttribute("y",String($.top)),a.setAttribute("width",C.toFixed(1)),a.setAttribute("height",String(U)),u.setAttribute("transform",`translate(${(f+6).toFixed(1)} ${$.top+15})`),i.setAttribute("visibility","visible")}),e.addEventListener("pointerleave",()=>i.setAttribute("visibility","hidden"))}var se=3660,st=R(`
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
`);function ot(e){return null}async function it(e){let t=await Promise.all(O(e.start,e.end,se).map(([n,s])=>A(st,{start:n,end:s}))),r=[];for(let n of t){let s=new Map(n.dailyMetrics.map(a=>[a.date,a]));for(let a of n.kpis)r.push({day:M(a.date),date:a.date,kpi:a,metric:s.get(a.date),expenditure:ot(a)})}return r}function I(e,t){return e.map(r=>t(r)??null)}function V(e){return e.filter(t=>t!==null).length}function ae(e,t){for(let r=t.length-1;r>=0;r--){let n=t[r],s=e[r];if(n!=null&&s!==void 0)return[s.date,n]}return null}function lt(e,t,r){let n={start:M(e.start),end:M(e.end),days:t.map(m=>m.day)},s=I(t,m=>m.metric?.weightKg),a=I(t,m=>m.kpi.weightTrend),u=ae(t,a),i=I(t,m=>m.expenditure?.mid),l=I(t,m=>m.expenditure?.low),g=I(t,m=>m.expenditure?.high),d=ae(t,i),c=t.some(m=>m.expenditure!==null),h=I(t,m=>m.kpi.balanceKcal),p=I(t,m=>m.kpi.balance7dAvg),v=ae(t,p),x=I(t,m=>m.metric?.steps),C=I(t,m=>m.kpi.steps7dAvg),U=x.filter(m=>m!==null&&m>=r.stepsGoal).length,f=I(t,m=>m.metric?.sleepHours),P=I(t,m=>m.kpi.sleep7dAvg),K=f.filter(m=>m!==null),Qe=K.length?K.reduce((m,B)=>m+B,0)/K.length:null,W=(m,B)=>m===null?"none in this range":`${b(m[1],B)} on ${m[0]}`;return[{...n,id:"chart-weight",title:"Weight (kg)",unit:"kg",layers:[{kind:"dots",values:s,className:"c-weight",label:"Weigh-ins"},{kind:"line",values:a,className:"c-trend",label:"Trend"}],summary:`${D(V(s),"count")} weigh-ins. Trend: ${W(u,"kg")}.`},{...n,id:"chart-expenditure",title:"Expenditure (kcal/day)",unit:"kcal",layers:[{kind:"band",low:l,high:g,className:"c-band",label:"80 % interval"},{kind:"line",values:i,className:"c-expenditure",label:"Estimate"}],summary:c?`${D(V(i),"count")} days with an estimate. Latest: ${W(d,"kcal")}.`:"Not yet available: this server does not estimate expenditure yet.",unavailable:!c},{...n,id:"chart-balance",title:"Daily balance (kcal)",unit:"kcal",layers:[{kind:"bars",values:h,className:"c-balance",label:"Balance"},{kind:"line",values:p,className:"c-average",label:"7-day average"},{kind:"rule",value:r.balanceGoalKcal,className:"c-goal",label:`Goal ${b(r.balanceGoalKcal,"kcal")}`}],summary:`${D(V(h),"count")} days with a balance. 7-day average: ${W(v,"kcal")}.`},{...n,id:"chart-steps",title:"Steps",unit:"steps",layers:[{kind:"bars",values:x,className:"c-steps",label:"Steps"},{kind:"line",values:C,className:"c-average",label:"7-day average"},{kind:"rule",value:r.stepsGoal,className:"c-goal",label:`Goal ${b(r.stepsGoal,"steps")}`}],summary:`${D(V(x),"count")} days with steps, ${D(U,"count")} at or above the goal of ${b(r.stepsGoal,"steps")}.`},{...n,id:"chart-sleep",title:"Sleep (hours)",unit:"hours",layers:[{kind:"dots",values:f,className:"c-sleep",label:"Nights"},{kind:"line",values:P,className:"c-average",label:"7-day average"},{kind:"rule",value:r.sleepTargetHours,className:"c-goal",label:`Target ${b(r.sleepTargetHours,"hours")}`}],summary:`${D(K.length,"count")} nights logged, average ${b(Qe,"hours")} against the target of ${b(r.sleepTargetHours,"hours")}.`}]}var _=0;async function Me(e,t){let r=++_,n=y("charts"),s=y("charts-status");n.setAttribute("aria-busy","true"),s.textContent=`Loading ${e.start} to ${e.end}…`;try{let a=await it(e);if(r!==_)return;performance.mark("charts-data"),w(n,...lt(e,a,t).map(Ce)),s.textContent=`${D(a.length,"count")} logged days from ${e.start} to ${e.end}.`,await new Promise(u=>requestAnimationFrame(()=>setTimeout(u,0))),performance.mark("charts-drawn"),n.dataset.range=`${e.start}..${e.end}`}catch(a){r===_&&(s.textContent=`Could not load the charts: ${k(a)}`)}finally{r===_&&n.removeAttribute("aria-busy")}}var ut=["latest-section","charts-section","summaries-section"];function Ke(e){y("empty").hidden=!e;for(let t of ut)y(t).hidden=e}var dt=R(`
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
`);function G(e,t,r,n,s=!1){return o("div",{class:"figure","data-figure":e},o("dt",{},t),o("dd",{class:s?"value missing":"value"},r),o("dd",{class:"detail"},n))}async function Le(e,t){let r=y("headline");y("headline-day").textContent=e;try{let n=await A(dt,{day:e}),s=n.kpis[0],a=n.dailyMetrics[0];w(r,G("weight-trend","Weight trend",b(s?.weightTrend,"kg"),`${b(s?.weightTrendChange7d,"kg",!0)} in 7 days`),G("expenditure","Expenditure","Not yet available","This server does not estimate it yet",!0),G("balance","7-day balance",`${b(s?.balance7dAvg,"kcal",!0)}/day`,`${s?.balance7dDays??0} of 7 days; goal ${b(t.balanceGoalKcal,"kcal",!0)}`),G("steps","Steps",b(a?.steps,"steps"),`7-day average ${b(s?.steps7dAvg,"steps")}; goal ${b(t.stepsGoal,"steps")}`),G("sleep","Sleep",b(a?.sleepHours,"hours"),`7-day average ${b(s?.sleep7dAvg,"hours")}; target ${b(t.sleepTargetHours,"hours")}`),G("protein","Protein",b(s?.proteinPerKg,"perKg"),`target ${b(t.proteinTargetGPerKg,"perKg")}`))}catch(n){w(r,o("p",{role:"alert"},`Could not load the latest day: ${k(n)}`))}}var Xt=R(`
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
`),ct=R(`
  mutation UpdateProfile($input: ProfileInput!) {
    updateProfile(input: $input) {
      ...ProfileFields
    }
  }
`),oe=[{key:"heightCm",label:"Height (cm)",step:"0.1",min:"50",max:"272"},{key:"activityFactor",label:"Activity factor",step:"0.01",min:"1",max:"2.5"},{key:"stepsGoal",label:"Steps goal (steps a day)",step:"1",min:"0"},{key:"proteinTargetGPerKg",label:"Protein target (g per kg)",step:"0.1",min:"0"},{key:"balanceGoalKcal",label:"Balance goal (kcal a day)",step:"1"},{key:"sleepTargetHours",label:"Sleep target (hours)",step:"0.1",min:"0",max:"24"}];function ie(e,t,r){return o("div",{class:"field"},o("label",{for:e},t),r)}function qe(e,t){let r=o("select",{id:"profile-sex",name:"sex"},o("option",{value:"MALE",selected:e.sex==="MALE"},"Male"),o("option",{value:"FEMALE",selected:e.sex==="FEMALE"},"Female")),n=o("input",{type:"date",id:"profile-birthDate",name:"birthDate",value:e.birthDate??""}),s=oe.map(i=>o("input",{type:"number",id:`profile-${i.key}`,name:i.key,step:i.step,min:i.min,max:i.max,required:i.key!=="heightCm",value:e[i.key]??""})),a=o("p",{class:"status",role:"status",id:"profile-status"}),u=o("form",{id:"profile-form",class:"profile-form"},e.isDefault?o("p",{class:"note"},"This is the default profile: enter your own so the KPIs fit you."):null,o("div",{class:"fields"},ie("profile-sex","Sex (for the BMR formula)",r),ie("profile-birthDate","Birth date",n),...oe.map((i,l)=>ie(`profile-${i.key}`,i.label,s[l]??o("span")))),o("button",{type:"submit"},"Save profile"),a);u.addEventListener("submit",i=>{i.preventDefault();let l={sex:r.value,birthDate:n.value===""?null:n.value};oe.forEach((g,d)=>{let c=s[d]?.value??"";l[g.key]=c===""?null:Number(c)}),a.textContent="Saving and recomputing the KPIs…",A(ct,{input:l}).then(()=>{a.textContent="Saved.",t()}).catch(g=>{a.textContent=`Not saved: ${k(g)}`})}),w(y("profile"),u)}var Q=[{value:"30",label:"30 days",days:30},{value:"90",label:"90 days",days:90},{value:"365",label:"1 year",days:365},{value:"all",label:"All",days:null},{value:"custom",label:"Custom",days:null}];function pt(){let e=new URLSearchParams(location.hash.slice(1)).get("range")??"90",t=/^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(e);return t?.[1]!==void 0&&t[2]!==void 0?{choice:"custom",custom:{start:t[1],end:t[2]}}:{choice:Q.find(n=>n.value===e&&n.value!=="custom")?.value??"90",custom:null}}function Ge(e,t,r){let n=pt(),s=o("input",{type:"date",id:"range-from",name:"from",required:!0}),a=o("input",{type:"date",id:"range-to",name:"to",required:!0}),u=o("p",{class:"form-error",role:"alert"}),i=o("form",{id:"range-custom-form",class:"range-custom",novalidate:!0},o("label",{for:"range-from"},"From"),s,o("label",{for:"range-to"},"To"),a,o("button",{type:"submit"},"Show"),u),l=Q.map(p=>o("input",{type:"radio",name:"range",value:p.value,id:`range-${p.value}`,checked:p.value===n.choice})),g=o("fieldset",{class:"range-presets"},o("legend",{},"Range"),...Q.map((p,v)=>o("span",{class:"choice"},l[v],o("label",{for:`range-${p.value}`},p.label)))),d=p=>{let v=Q.find(x=>x.value===p);return p==="all"?{start:e,end:t}:v?.days?{start:Ie(t,1-v.days),end:t}:{start:s.value,end:a.value}},c=(p,v)=>{i.hidden=p!=="custom",u.textContent="";let x=p==="custom"?`${v.start}..${v.end}`:p;history.replaceState(null,"",`#range=${x}`),r(v)};for(let p of l)p.addEventListener("change",()=>{let v=p.value;if(v==="custom"){i.hidden=!1,s.focus();return}let x=d(v);s.value=x.start,a.value=x.end,c(v,x)});i.addEventListener("submit",p=>{if(p.preventDefault(),!ee(s.value)||!ee(a.value)){u.textContent="Enter both dates.";return}if(s.value>a.value){u.textContent="The start date must not be after the end date.";return}c("custom",d("custom"))}),w(y("range"),g,i);let h=n.custom??d(n.choice);s.value=h.start,a.value=h.end,c(n.choice,h)}var mt=R(`
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
`),Ue=[["Days logged",e=>D(e.daysLogged,"count")],["Weight",e=>b(e.weightAvg,"kg")],["Trend at end",e=>b(e.weightTrendEnd,"kg")],["Balance a day",e=>b(e.balanceAvg,"kcal",!0)],["Steps a day",e=>b(e.stepsAvg,"steps")],["Steps goal met",e=>b(e.stepsGoalRate,"percent")],["Protein",e=>b(e.proteinPerKgAvg,"perKg")],["Sleep",e=>b(e.sleepAvg,"hours")]];function gt(e){return e==="WEEK"?t=>H(t)===1:t=>E(t).endsWith("-01")}var ue=null,le=0;async function Ne(e,t){let r=++le,n=y("summaries-table"),s=y("summaries-status");try{let a=await Promise.all(O(e.start,e.end,se,gt(t)).map(([l,g])=>A(mt,{start:l,end:g,period:t})));if(r!==le)return;let u=a.flatMap(l=>l.kpiSummary).reverse(),i=t==="WEEK"?"Week":"Month";w(n,o("caption",{},`${i}s from ${e.start} to ${e.end}, newest first`),o("thead",{},o("tr",{},o("th",{scope:"col"},i),...Ue.map(([l])=>o("th",{scope:"col"},l)))),o("tbody",{},...u.map(l=>o("tr",{},o("th",{scope:"row"},`${l.periodStart} – ${l.periodEnd}`),...Ue.map(([,g])=>o("td",{},g(l))))))),s.textContent=""}catch(a){r===le&&(s.textContent=`Could not load the summaries: ${k(a)}`)}}function He(){return y("period-month").checked?"MONTH":"WEEK"}function Oe(e){ue=e,Ne(e,He())}function Ve(){for(let e of["period-week","period-month"])y(e).addEventListener("change",()=>{ue!==null&&Ne(ue,He())})}var j=!1,yn=R(`
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
`),ft=R(`
  query Ingestions($limit: Int!) {
    ingestions(limit: $limit) {
      ...ReportFields
    }
  }
`),yt=R(`
  mutation UploadCsv($file: Upload!, $onInvalidRow: InvalidRowPolicy!, $dateOrder: DateOrder!) {
    uploadCsv(file: $file, onInvalidRow: $onInvalidRow, dateOrder: $dateOrder) {
      ...ReportFields
    }
  }
`),ht=20,de={APPLIED:"Applied",REJECTED:"Rejected",UNCHANGED:"Unchanged"};function F(e){return D(e,"count")}function ce(e){let t=[["Rows read",F(e.rowsRead)],["New days",F(e.rowsInserted)],["Updated days",F(e.rowsUpdated)],["Unchanged days",F(e.rowsUnchanged)],["Rejected rows",F(e.rowsRejected)],["Dates",e.firstDate===null?"—":`${e.firstDate} – ${e.lastDate??""}`],["KPI days recomputed",F(e.kpiDaysRecomputed)]],r=e.errors.length;return o("div",{class:"report"},o("dl",{class:"counts"},...t.map(([n,s])=>o("div",{},o("dt",{},n),o("dd",{},s)))),o("p",{},"Columns: ",e.columns.length?e.columns.join(", "):"none recognised"),e.warnings.length>0&&o("div",{class:"warnings"},o("h4",{},`Warnings (${e.warnings.length})`),o("ul",{},...e.warnings.map(n=>o("li",{},n)))),e.errorCount>0&&o("table",{class:"errors"},o("caption",{},r<e.errorCount?`Errors: the first ${F(r)} of ${F(e.errorCount)}`:`Errors (${F(e.errorCount)})`),o("thead",{},o("tr",{},...["Row","Column","Value","Message"].map(n=>o("th",{scope:"col"},n)))),o("tbody",{},...e.errors.map(n=>o("tr",{},o("td",{},n.row===null?"—":String(n.row)),o("td",{},n.column??"—"),o("td",{},o("code",{},n.value??"")),o("td",{},n.message))))))}function bt(e){let t=e.filename??"(no file name)";return`${$e(e.createdAt)} · ${t} · ${de[e.status]} · ${F(e.rowsRead)} rows read, ${F(e.errorCount)} errors`}async function pe(){let e=y("history");try{let{ingestions:t}=await A(ft,{limit:ht});if(t.length===0){w(e,o("p",{},"No uploads yet."));return}w(e,...t.map(r=>o("details",{class:`ingestion status-${r.status}`,"data-id":r.id},o("summary",{},bt(r)),ce(r))))}catch(t){w(e,o("p",{role:"alert"},`Could not load the upload history: ${k(t)}`))}}function _e(e){let t=y("upload-form"),r=y("upload-file"),n=y("upload-policy"),s=y("upload-date-order"),a=y("upload-submit"),u=y("upload-result");a.textContent=j?"Preview":"Upload";let i=(d,c)=>ve(yt,{file:d,onInvalidRow:n.value,dateOrder:s.value}).then(h=>h.uploadCsv),l=d=>{w(u,o("h3",{},`${de[d.status]}: ${d.filename??""}`),ce(d)),d.status==="APPLIED"?e():pe()},g=(d,c)=>{let h=o("button",{type:"button",id:"upload-apply",disabled:c.status==="REJECTED"},"Apply"),p=o("button",{type:"button",class:"secondary"},"Cancel");h.addEventListener("click",()=>{h.disabled=!0,w(u,o("p",{role:"status"},"Applying…")),i(d,!1).then(l,v=>{w(u,o("p",{role:"alert"},`Not applied: ${k(v)}`))})}),p.addEventListener("click",()=>w(u)),w(u,o("h3",{},`Preview: ${d.name} would be ${de[c.status].toLowerCase()}`),o("p",{},"Nothing is stored yet."),ce(c),o("div",{class:"actions"},h,p))};t.addEventListener("submit",d=>{d.preventDefault();let c=r.files?.[0];if(c===void 0){w(u,o("p",{role:"alert"},"Choose a CSV file first."));return}w(u,o("p",{role:"status"},j?"Checking the file…":"Uploading…")),i(c,j).then(h=>j?g(c,h):l(h),h=>w(u,o("p",{role:"alert"},`Not uploaded: ${k(h)}`)))}),r.addEventListener("change",()=>w(u))}var vt=R(`
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
`);async function me(){let e=y("page-status");try{let{dataRange:t,profile:r}=await A(vt);qe(r,()=>{me()}),pe();let{firstDate:n,lastDate:s}=t;Ke(n===null||s===null),n!==null&&s!==null&&(y("days-logged").textContent=`${D(t.daysLogged,"count")} days logged, ${n} to ${s}`,Le(s,r),Ge(n,s,a=>{Me(a,r),Oe(a)})),e.textContent="",document.body.dataset.loaded="true"}catch(t){e.textContent=`Could not reach the API: ${k(t)}`}}Ve();_e(()=>{me()});me();
