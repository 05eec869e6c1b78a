function Y(e,t,r){for(let[n,s]of Object.entries(t))s==null||s===!1||e.setAttribute(n,s===!0?"":String(s));for(let n of r)n==null||n===!1||e.append(n instanceof Node?n:String(n))}function o(e,t={},...r){let n=document.createElement(e);return Y(n,t,r),n}var je="http://www.w3.org/2000/svg";function T(e,t={},...r){let n=document.createElementNS(je,e);return Y(n,t,r),n}function p(e){let t=document.getElementById(e);if(t===null)throw new Error(`index.html has no #${e}`);return t}function w(e,...t){e.replaceChildren(),Y(e,{},t)}var fe="healthhub.token";function X(){return sessionStorage.getItem(fe)}var Z=null;document.addEventListener("DOMContentLoaded",()=>{p("token-dialog").addEventListener("cancel",e=>e.preventDefault())});function ye(e){return Z??=new Promise(t=>{let r=p("token-dialog"),n=p("token-form"),s=p("token-input");p("token-rejected").hidden=!e,s.value="";let a=u=>{u.preventDefault();let i=s.value.trim();i!==""&&(n.removeEventListener("submit",a),sessionStorage.setItem(fe,i),r.close(),Z=null,t(i))};n.addEventListener("submit",a),r.showModal(),s.focus()}),Z}var We=!1,z="/graphql",q=class extends Error{constructor(r,n,s){super(r);this.code=n;this.status=s;this.name="ApiError"}code;status};function ee(){let e=X();return e===null?{}:{Authorization:`Bearer ${e}`}}function he(e){return/^\s*(?:query|mutation)\s+(\w+)/.exec(e)?.[1]??"anonymous"}async function be(e){let t=await e();for(;t.status===401;)await ye(X()!==null),t=await e();return t}async function ve(e,t){performance.mark(`response ${t}`);let r;try{r=await e.json()}catch{throw new q(`The API answered ${e.status} without a JSON body`,null,e.status)}let n=r.errors?.[0];if(n!==void 0)throw new q(n.message,n.extensions?.code??null,e.status);if(r.data===null||r.data===void 0)throw new q(`The API answered ${e.status} without data`,null,e.status);return r.data}async function A(e,...[t]){let r=e.toString(),n=he(r),s=We&&/^\s*query\b/.test(r);return ve(await be(()=>{if(s){let u=new URLSearchParams({query:r,variables:JSON.stringify(t??{})});return fetch(`${z}?${u.toString()}`,{headers:ee()})}return fetch(z,{method:"POST",headers:{...ee(),"Content-Type":"application/json"},body:JSON.stringify({query:r,variables:t??{}})})}),n)}async function we(e,t){let r=e.toString();return ve(await be(()=>{let s=new FormData;return s.append("operations",JSON.stringify({query:r,variables:{...t,file:null}})),s.append("map",JSON.stringify({0:["variables.file"]})),s.append("0",t.file,t.file.name),fetch(z,{method:"POST",headers:{...ee(),"Apollo-Require-Preflight":"true"},body:s})}),he(r))}function P(e){return e instanceof q?e.code===null?e.message:`${e.message} (${e.code})`:e instanceof Error?e.message:String(e)}var Be={kg:1,hours:1,kcal:0,steps:0,perKg:2,percent:0,count:0},Je={kg:" kg",hours:" h",kcal:" kcal",steps:"",perKg:" g/kg",percent:" %",count:""},$e=new Map;function Ye(e,t){let r=`${e}:${t}`,n=$e.get(r);return n===void 0&&(n=new Intl.NumberFormat("en-US",{minimumFractionDigits:e,maximumFractionDigits:e,roundingMode:"halfExpand",signDisplay:t?"exceptZero":"negative"}),$e.set(r,n)),n}function $(e,t,r=!1){return e==null?"—":Ye(Be[t],r).format(t==="percent"?e*100:e)}function h(e,t,r=!1){return e==null?"—":$(e,t,r)+Je[t]}function xe(e){let t=/(Z|[+-]\d{2}:\d{2})$/.exec(e)?.[1]??"",r=t==="Z"||t==="+00:00"?"UTC":`UTC${t}`;return`${e.slice(0,10)} ${e.slice(11,16)} ${r}`}var S=class extends String{__apiType;value;__meta__;constructor(t,r){super(t),this.value=t,this.__meta__=r}toString(){return this.value}},De=new S(`
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
    `,{fragmentName:"ProfileFields"}),Re=new S(`
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
    `,{fragmentName:"ReportFields"}),ke=new S(`
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
}`),Pe=new S(`
    query Series($start: Date!, $end: Date!) {
  kpis(start: $start, end: $end) {
    date
    weightTrend
    balanceKcal
    balance7dAvg
    steps7dAvg
    sleep7dAvg
    expenditureKcal
    expenditureLowKcal
    expenditureHighKcal
  }
  dailyMetrics(start: $start, end: $end) {
    date
    weightKg
    steps
    sleepHours
  }
}
    `),Te=new S(`
    query LatestDay($day: Date!) {
  kpis(start: $day, end: $day) {
    weightTrend
    weightTrendChange7d
    balance7dAvg
    balance7dDays
    proteinPerKg
    steps7dAvg
    sleep7dAvg
    expenditureKcal
    expenditureLowKcal
    expenditureHighKcal
  }
  dailyMetrics(start: $day, end: $day) {
    steps
    sleepHours
  }
}
    `),Ae=new S(`
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
}`),Se=new S(`
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
    `),Ee=new S(`
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
}`),Ie=new S(`
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
}`);var Xe={"\n  query Overview {\n    dataRange {\n      firstDate\n      lastDate\n      daysLogged\n    }\n    profile {\n      ...ProfileFields\n    }\n  }\n":ke,"\n  query Series($start: Date!, $end: Date!) {\n    kpis(start: $start, end: $end) {\n      date\n      weightTrend\n      balanceKcal\n      balance7dAvg\n      steps7dAvg\n      sleep7dAvg\n      expenditureKcal\n      expenditureLowKcal\n      expenditureHighKcal\n    }\n    dailyMetrics(start: $start, end: $end) {\n      date\n      weightKg\n      steps\n      sleepHours\n    }\n  }\n":Pe,"\n  query LatestDay($day: Date!) {\n    kpis(start: $day, end: $day) {\n      weightTrend\n      weightTrendChange7d\n      balance7dAvg\n      balance7dDays\n      proteinPerKg\n      steps7dAvg\n      sleep7dAvg\n      expenditureKcal\n      expenditureLowKcal\n      expenditureHighKcal\n    }\n    dailyMetrics(start: $day, end: $day) {\n      steps\n      sleepHours\n    }\n  }\n":Te,"\n  fragment ProfileFields on Profile {\n    sex\n    birthDate\n    heightCm\n    activityFactor\n    stepsGoal\n    proteinTargetGPerKg\n    balanceGoalKcal\n    sleepTargetHours\n    isDefault\n  }\n":De,"\n  mutation UpdateProfile($input: ProfileInput!) {\n    updateProfile(input: $input) {\n      ...ProfileFields\n    }\n  }\n":Ae,"\n  query Summaries($start: Date!, $end: Date!, $period: Period!) {\n    kpiSummary(start: $start, end: $end, period: $period) {\n      periodStart\n      periodEnd\n      daysLogged\n      weightAvg\n      weightTrendEnd\n      balanceAvg\n      stepsAvg\n      stepsGoalRate\n      proteinPerKgAvg\n      sleepAvg\n    }\n  }\n":Se,"\n  fragment ReportFields on Ingestion {\n    id\n    filename\n    status\n    createdAt\n    rowsRead\n    rowsInserted\n    rowsUpdated\n    rowsUnchanged\n    rowsRejected\n    firstDate\n    lastDate\n    kpiDaysRecomputed\n    columns\n    warnings\n    errorCount\n    errors {\n      row\n      column\n      value\n      message\n    }\n  }\n":Re,"\n  query Ingestions($limit: Int!) {\n    ingestions(limit: $limit) {\n      ...ReportFields\n    }\n  }\n":Ee,"\n  mutation UploadCsv($file: Upload!, $onInvalidRow: InvalidRowPolicy!, $dateOrder: DateOrder!) {\n    uploadCsv(file: $file, onInvalidRow: $onInvalidRow, dateOrder: $dateOrder) {\n      ...ReportFields\n    }\n  }\n":Ie};function k(e){return Xe[e]??{}}function C(e){return Math.round(Date.parse(`${e}T00:00:00Z`)/864e5)}function E(e){return new Date(e*864e5).toISOString().slice(0,10)}function Fe(e,t){return E(C(e)+t)}function te(e){return/^\d{4}-\d{2}-\d{2}$/.test(e)&&E(C(e))===e}function U(e){return((e+3)%7+7)%7+1}function N(e,t,r,n=()=>!0){let s=C(t),a=[],u=C(e);for(;u<=s;){let i=Math.min(u+r-1,s);if(i<s){let l=i;for(;l>u&&!n(l+1);)l-=1;l>u&&(i=l)}a.push([E(u),E(i)]),u=i+1}return a}var H=640,G=240,x={left:56,right:12,top:12,bottom:26},ne=H-x.left-x.right,re=G-x.top-x.bottom,Ke=["Jan","Feb","Mar","Apr","May","Jun","Jul","Aug","Sep","Oct","Nov","Dec"];function ze(e,t){let r=e/t,n=10**Math.floor(Math.log10(r));return([1,2,2.5,5,10].find(a=>a*n>=r)??10)*n}function et(e){let t=1/0,r=-1/0,n=a=>{a!==null&&(a<t&&(t=a),a>r&&(r=a))};for(let a of e)a.kind==="rule"?n(a.value):a.kind==="band"?(a.low.forEach(n),a.high.forEach(n)):(a.values.forEach(n),a.kind==="bars"&&n(a.base??0));if(t===1/0)return[0,1,.25];if(t===r){let a=Math.abs(t)*.05||1;t-=a,r+=a}let s=ze(r-t,4);return[Math.floor(t/s)*s,Math.ceil(r/s)*s,s]}function tt(e,t){let r=t-e+1,n=[];if(r<=10){for(let i=e;i<=t;i+=r>5?2:1)n.push([i,E(i).slice(5)]);return n}if(r<=75){for(let i=e;i<=t;i++){if(U(i)!==1)continue;let l=E(i);n.push([i,`${Number(l.slice(8))} ${Ke[Number(l.slice(5,7))-1]}`])}return r>40?n.filter((i,l)=>l%2===0):n}let s=r>800,a=[];for(let i=e;i<=t;i++){let l=E(i);if(l.endsWith("-01")&&(!s||l.slice(5,7)==="01")){let m=Number(l.slice(5,7));a.push([i,s||m===1?l.slice(0,4):Ke[m-1]??""])}}let u=Math.ceil(a.length/10);return a.filter((i,l)=>l%u===0)}function Ce(e){let t=`${e.id}-title`,r=`${e.id}-summary`,n=o("figcaption",{},o("h3",{id:t},e.title)),s=o("p",{id:r,class:"chart-summary"},e.summary),[a,u,i]=et(e.layers),l=!e.layers.some(f=>f.kind!=="rule"&&(f.kind==="band"?f.low:f.values).some(R=>R!==null)),m=ne/(e.end-e.start+1),d=f=>x.left+(f-e.start+.5)*m,c=f=>x.top+re-(f-a)/(u-a)*re,b=f=>f.toFixed(1),g=[],v=[];for(let f=a;!l&&f<=u+i/2;f+=i)g.push(`M${x.left} ${b(c(f))}H${H-x.right}`),v.push(T("text",{x:x.left-6,y:b(c(f)+4),class:"tick tick-y"},$(f,e.unit)));for(let[f,R]of tt(e.start,e.end))g.push(`M${b(d(f))} ${G-x.bottom}v4`),v.push(T("text",{x:b(d(f)),y:G-6,class:"tick tick-x"},R));let D=e.layers.map(f=>{let R=nt(f,e.days,d,c,m,b);return T("path",{d:R===""?null:R,class:`layer ${f.kind} ${f.className}`})});if(l){let f=x.top+re/2;v.push(T("text",{x:x.left+ne/2,y:f,class:"no-data"},"No data in this range"))}let K=T("svg",{viewBox:`0 0 ${H} ${G}`,role:"img","aria-labelledby":t,"aria-describedby":r,class:e.end-e.start+1>ne/2?"chart-svg dense":"chart-svg"},T("path",{d:g.join(""),class:"grid"}),...D,...v);l||at(K,e,d,m);let M=o("ul",{class:"legend"},...e.layers.map(f=>o("li",{},o("span",{class:`key key-${f.kind} ${f.className}`}),f.label)));return o("figure",{class:"chart",id:e.id},n,K,M,s)}function nt(e,t,r,n,s,a){let u=[];switch(e.kind){case"rule":return`M${x.left} ${a(n(e.value))}H${H-x.right}`;case"dots":e.values.forEach((i,l)=>{i!==null&&u.push(`M${a(r(t[l]??0))} ${a(n(i))}h0`)});break;case"line":{let i=!1;e.values.forEach((l,m)=>{if(l===null){i=!1;return}u.push(`${i?"L":"M"}${a(r(t[m]??0))} ${a(n(l))}`),i=!0});break}case"bars":{let i=Math.max(s*.7,.6),l=n(e.base??0);e.values.forEach((m,d)=>{if(m===null)return;let c=r(t[d]??0)-i/2;u.push(`M${a(c)} ${a(l)}V${a(n(m))}h${a(i)}V${a(l)}Z`)});break}case"band":{let i=[],l=()=>{if(i.length>0){let m=i.map(c=>`${a(r(t[c]??0))} ${a(n(e.high[c]??0))}`),d=i.map(c=>`${a(r(t[c]??0))} ${a(n(e.low[c]??0))}`).reverse();u.push(`M${m.join("L")}L${d.join("L")}Z`)}i=[]};e.low.forEach((m,d)=>{m===null||e.high[d]===null||e.high[d]===void 0?l():i.push(d)}),l();break}}return u.join("")}function ae(e,t){return e==null?null:$(e,t)}function rt(e,t){let r=[];for(let n of e.layers){if(n.kind==="rule")continue;if(n.kind==="band"){let a=ae(n.low[t],e.unit),u=ae(n.high[t],e.unit);a!==null&&u!==null&&r.push(`${n.label}: ${a}–${u}`);continue}let s=ae(n.values[t],e.unit);s!==null&&r.push(`${n.label}: ${s}`)}return r}function at(e,t,r,n){let s=T("path",{class:"cursor-line"}),a=T("rect",{class:"cursor-box",rx:4}),u=T("text",{class:"cursor-text"}),i=T("g",{class:"cursor",visibility:"hidden","aria-hidden":"true"},s,a,u);e.append(i);let l=m=>{let d=0,c=t.days.length-1;for(;d<c;){let g=d+c>>1;(t.days[g]??0)<m?d=g+1:c=g}let b=d-1;return b>=0&&m-(t.days[b]??0)<(t.days[d]??0)-m?b:d};e.addEventListener("pointermove",m=>{if(t.days.length===0)return;let d=e.getBoundingClientRect(),c=(m.clientX-d.left)/d.width*H,b=l(t.start+Math.floor((c-x.left)/n)),g=t.days[b];if(g===void 0)return;let v=r(g);s.setAttribute("d",`M${v.toFixed(1)} ${x.top}V${G-x.bottom}`);let D=[E(g),...rt(t,b)];u.replaceChildren(...D.map((R,W)=>T("tspan",{x:0,dy:W===0?0:14},R)));let K=Math.max(...D.map(R=>R.length))*6.4+12,M=D.length*14+8,f=v+8+K>H-x.right?v-8-K:v+8;a.setAttribute("x",f.toFixed(1)),a.setAttribute("y",String(x.top)),a.setAttribute("width",K.toFixed(1)),a.setAttribute("height",String(M)),u.setAttribute("transform",`translate(${(f+6).toFixed(1)} ${x.top+15})`),i.setAttribute("visibility","visible")}),e.addEventListener("pointerleave",()=>i.setAttribute("visibility","hidden"))}function O(e){return e?.expenditureKcal===null||e?.expenditureKcal===void 0?null:{mid:e.expenditureKcal,low:e.expenditureLowKcal??null,high:e.expenditureHighKcal??null}}var oe=3660,st=k(`
  query Series($start: Date!, $end: Date!) {
    kpis(start: $start, end: $end) {
      date
      weightTrend
      balanceKcal
      balance7dAvg
      steps7dAvg
      sleep7dAvg
      expenditureKcal
      expenditureLowKcal
      expenditureHighKcal
    }
    dailyMetrics(start: $start, end: $end) {
      date
      weightKg
      steps
      sleepHours
    }
  }
`);async function ot(e){let t=await Promise.all(N(e.start,e.end,oe).map(([n,s])=>A(st,{start:n,end:s}))),r=[];for(let n of t){let s=new Map(n.dailyMetrics.map(a=>[a.date,a]));for(let a of n.kpis)r.push({day:C(a.date),date:a.date,kpi:a,metric:s.get(a.date),expenditure:O(a)})}return r}function I(e,t){return e.map(r=>t(r)??null)}function V(e){return e.filter(t=>t!==null).length}function se(e,t){for(let r=t.length-1;r>=0;r--){let n=t[r],s=e[r];if(n!=null&&s!==void 0)return[s.date,n]}return null}function it(e,t,r){let n={start:C(e.start),end:C(e.end),days:t.map(y=>y.day)},s=I(t,y=>y.metric?.weightKg),a=I(t,y=>y.kpi.weightTrend),u=se(t,a),i=I(t,y=>y.expenditure?.mid),l=I(t,y=>y.expenditure?.low),m=I(t,y=>y.expenditure?.high),d=se(t,i),c=I(t,y=>y.kpi.balanceKcal),b=I(t,y=>y.kpi.balance7dAvg),g=se(t,b),v=I(t,y=>y.metric?.steps),D=I(t,y=>y.kpi.steps7dAvg),K=v.filter(y=>y!==null&&y>=r.stepsGoal).length,M=I(t,y=>y.metric?.sleepHours),f=I(t,y=>y.kpi.sleep7dAvg),R=M.filter(y=>y!==null),W=R.length?R.reduce((y,J)=>y+J,0)/R.length:null,B=(y,J)=>y===null?"none in this range":`${h(y[1],J)} on ${y[0]}`;return[{...n,id:"chart-weight",title:"Weight (kg)",unit:"kg",layers:[{kind:"dots",values:s,className:"c-weight",label:"Weigh-ins"},{kind:"line",values:a,className:"c-trend",label:"Trend"}],summary:`${$(V(s),"count")} weigh-ins. Trend: ${B(u,"kg")}.`},{...n,id:"chart-expenditure",title:"Expenditure (kcal/day)",unit:"kcal",layers:[{kind:"band",low:l,high:m,className:"c-band",label:"80 % interval"},{kind:"line",values:i,className:"c-expenditure",label:"Estimate"}],summary:`${$(V(i),"count")} days with an estimate. Latest: ${B(d,"kcal")}.`},{...n,id:"chart-balance",title:"Daily balance (kcal)",unit:"kcal",layers:[{kind:"bars",values:c,className:"c-balance",label:"Balance"},{kind:"line",values:b,className:"c-average",label:"7-day average"},{kind:"rule",value:r.balanceGoalKcal,className:"c-goal",label:`Goal ${h(r.balanceGoalKcal,"kcal")}`}],summary:`${$(V(c),"count")} days with a balance. 7-day average: ${B(g,"kcal")}.`},{...n,id:"chart-steps",title:"Steps",unit:"steps",layers:[{kind:"bars",values:v,className:"c-steps",label:"Steps"},{kind:"line",values:D,className:"c-average",label:"7-day average"},{kind:"rule",value:r.stepsGoal,className:"c-goal",label:`Goal ${h(r.stepsGoal,"steps")}`}],summary:`${$(V(v),"count")} days with steps, ${$(K,"count")} at or above the goal of ${h(r.stepsGoal,"steps")}.`},{...n,id:"chart-sleep",title:"Sleep (hours)",unit:"hours",layers:[{kind:"dots",values:M,className:"c-sleep",label:"Nights"},{kind:"line",values:f,className:"c-average",label:"7-day average"},{kind:"rule",value:r.sleepTargetHours,className:"c-goal",label:`Target ${h(r.sleepTargetHours,"hours")}`}],summary:`${$(R.length,"count")} nights logged, average ${h(W,"hours")} against the target of ${h(r.sleepTargetHours,"hours")}.`}]}var _=0;async function Le(e,t){let r=++_,n=p("charts"),s=p("charts-status");n.setAttribute("aria-busy","true"),s.textContent=`Loading ${e.start} to ${e.end}…`;try{let a=await ot(e);if(r!==_)return;performance.mark("charts-data"),w(n,...it(e,a,t).map(Ce)),s.textContent=`${$(a.length,"count")} logged days from ${e.start} to ${e.end}.`,await new Promise(u=>requestAnimationFrame(()=>setTimeout(u,0))),performance.mark("charts-drawn"),n.dataset.range=`${e.start}..${e.end}`}catch(a){r===_&&(s.textContent=`Could not load the charts: ${P(a)}`)}finally{r===_&&n.removeAttribute("aria-busy")}}var lt=["latest-section","charts-section","summaries-section"];function Me(e){p("empty").hidden=!e;for(let t of lt)p(t).hidden=e}var ut=k(`
  query LatestDay($day: Date!) {
    kpis(start: $day, end: $day) {
      weightTrend
      weightTrendChange7d
      balance7dAvg
      balance7dDays
      proteinPerKg
      steps7dAvg
      sleep7dAvg
      expenditureKcal
      expenditureLowKcal
      expenditureHighKcal
    }
    dailyMetrics(start: $day, end: $day) {
      steps
      sleepHours
    }
  }
`);function L(e,t,r,n,s=!1){return o("div",{class:"figure","data-figure":e},o("dt",{},t),o("dd",{class:s?"value missing":"value"},r),o("dd",{class:"detail"},n))}function dt(e){if(e===null)return L("expenditure","Expenditure","No estimate","Too little intake and weight data yet, or too uncertain",!0);let t=e.low===null||e.high===null?"no interval":`80 % interval ${$(e.low,"kcal")}–${h(e.high,"kcal")}`;return L("expenditure","Expenditure",h(e.mid,"kcal"),`a day; ${t}`,e.mid===null)}async function qe(e,t){let r=p("headline");p("headline-day").textContent=e;try{let n=await A(ut,{day:e}),s=n.kpis[0],a=n.dailyMetrics[0];w(r,L("weight-trend","Weight trend",h(s?.weightTrend,"kg"),`${h(s?.weightTrendChange7d,"kg",!0)} in 7 days`),dt(O(s)),L("balance","7-day balance",h(s?.balance7dAvg,"kcal",!0),`a day, over ${s?.balance7dDays??0} of 7 days; goal ${h(t.balanceGoalKcal,"kcal",!0)}`),L("steps","Steps",h(a?.steps,"steps"),`7-day average ${h(s?.steps7dAvg,"steps")}; goal ${h(t.stepsGoal,"steps")}`),L("sleep","Sleep",h(a?.sleepHours,"hours"),`7-day average ${h(s?.sleep7dAvg,"hours")}; target ${h(t.sleepTargetHours,"hours")}`),L("protein","Protein",h(s?.proteinPerKg,"perKg"),`target ${h(t.proteinTargetGPerKg,"perKg")}`))}catch(n){w(r,o("p",{role:"alert"},`Could not load the latest day: ${P(n)}`))}}var tn=k(`
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
`),ct=k(`
  mutation UpdateProfile($input: ProfileInput!) {
    updateProfile(input: $input) {
      ...ProfileFields
    }
  }
`),ie=[{key:"heightCm",label:"Height (cm)",step:"0.1",min:"50",max:"272"},{key:"activityFactor",label:"Activity factor",step:"0.01",min:"1",max:"2.5"},{key:"stepsGoal",label:"Steps goal (steps a day)",step:"1",min:"0"},{key:"proteinTargetGPerKg",label:"Protein target (g per kg)",step:"0.1",min:"0"},{key:"balanceGoalKcal",label:"Balance goal (kcal a day)",step:"1"},{key:"sleepTargetHours",label:"Sleep target (hours)",step:"0.1",min:"0",max:"24"}];function le(e,t,r){return o("div",{class:"field"},o("label",{for:e},t),r)}function He(e,t){let r=o("select",{id:"profile-sex",name:"sex"},o("option",{value:"MALE",selected:e.sex==="MALE"},"Male"),o("option",{value:"FEMALE",selected:e.sex==="FEMALE"},"Female")),n=o("input",{type:"date",id:"profile-birthDate",name:"birthDate",value:e.birthDate??""}),s=ie.map(i=>o("input",{type:"number",id:`profile-${i.key}`,name:i.key,step:i.step,min:i.min,max:i.max,required:i.key!=="heightCm",value:e[i.key]??""})),a=p("profile-status"),u=o("form",{id:"profile-form",class:"profile-form"},e.isDefault?o("p",{class:"note"},"This is the default profile: enter your own so the KPIs fit you."):null,o("div",{class:"fields"},le("profile-sex","Sex (for the BMR formula)",r),le("profile-birthDate","Birth date",n),...ie.map((i,l)=>le(`profile-${i.key}`,i.label,s[l]??o("span")))),o("button",{type:"submit"},"Save profile"));u.addEventListener("submit",i=>{i.preventDefault();let l={sex:r.value,birthDate:n.value===""?null:n.value};ie.forEach((m,d)=>{let c=s[d]?.value??"";l[m.key]=c===""?null:Number(c)}),a.textContent="Saving and recomputing the KPIs…",A(ct,{input:l}).then(()=>{a.textContent="Saved.",t()}).catch(m=>{a.textContent=`Not saved: ${P(m)}`})}),w(p("profile"),u)}var Q=[{value:"30",label:"30 days",days:30},{value:"90",label:"90 days",days:90},{value:"365",label:"1 year",days:365},{value:"all",label:"All",days:null},{value:"custom",label:"Custom",days:null}];function pt(){let e=new URLSearchParams(location.hash.slice(1)).get("range")??"90",t=/^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(e);return t?.[1]!==void 0&&t[2]!==void 0?{choice:"custom",custom:{start:t[1],end:t[2]}}:{choice:Q.find(n=>n.value===e&&n.value!=="custom")?.value??"90",custom:null}}function Ge(e,t,r){let n=pt(),s=o("input",{type:"date",id:"range-from",name:"from",required:!0}),a=o("input",{type:"date",id:"range-to",name:"to",required:!0}),u=o("p",{class:"form-error",role:"alert"}),i=o("form",{id:"range-custom-form",class:"range-custom",novalidate:!0},o("label",{for:"range-from"},"From"),s,o("label",{for:"range-to"},"To"),a,o("button",{type:"submit"},"Show"),u),l=Q.map(g=>o("input",{type:"radio",name:"range",value:g.value,id:`range-${g.value}`,checked:g.value===n.choice})),m=o("fieldset",{class:"range-presets"},o("legend",{},"Range"),...Q.map((g,v)=>o("span",{class:"choice"},l[v],o("label",{for:`range-${g.value}`},g.label)))),d=g=>{let v=Q.find(D=>D.value===g);return g==="all"?{start:e,end:t}:v?.days?{start:Fe(t,1-v.days),end:t}:{start:s.value,end:a.value}},c=(g,v)=>{i.hidden=g!=="custom",u.textContent="";let D=g==="custom"?`${v.start}..${v.end}`:g;history.replaceState(null,"",`#range=${D}`),r(v)};for(let g of l)g.addEventListener("change",()=>{let v=g.value;if(v==="custom"){i.hidden=!1,s.focus();return}let D=d(v);s.value=D.start,a.value=D.end,c(v,D)});i.addEventListener("submit",g=>{if(g.preventDefault(),!te(s.value)||!te(a.value)){u.textContent="Enter both dates.";return}if(s.value>a.value){u.textContent="The start date must not be after the end date.";return}c("custom",d("custom"))}),w(p("range"),m,i);let b=n.custom??d(n.choice);s.value=b.start,a.value=b.end,c(n.choice,b)}var mt=k(`
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
`),Ue=[["Days logged",e=>$(e.daysLogged,"count")],["Weight",e=>h(e.weightAvg,"kg")],["Trend at end",e=>h(e.weightTrendEnd,"kg")],["Balance a day",e=>h(e.balanceAvg,"kcal",!0)],["Steps a day",e=>h(e.stepsAvg,"steps")],["Steps goal met",e=>h(e.stepsGoalRate,"percent")],["Protein",e=>h(e.proteinPerKgAvg,"perKg")],["Sleep",e=>h(e.sleepAvg,"hours")]];function gt(e){return e==="WEEK"?t=>U(t)===1:t=>E(t).endsWith("-01")}var de=null,ue=0;async function Ne(e,t){let r=++ue,n=p("summaries-table"),s=p("summaries-status");try{let a=await Promise.all(N(e.start,e.end,oe,gt(t)).map(([l,m])=>A(mt,{start:l,end:m,period:t})));if(r!==ue)return;let u=a.flatMap(l=>l.kpiSummary).reverse(),i=t==="WEEK"?"Week":"Month";w(n,o("caption",{},`${i}s from ${e.start} to ${e.end}, newest first`),o("thead",{},o("tr",{},o("th",{scope:"col"},i),...Ue.map(([l])=>o("th",{scope:"col"},l)))),o("tbody",{},...u.map(l=>o("tr",{},o("th",{scope:"row"},`${l.periodStart} – ${l.periodEnd}`),...Ue.map(([,m])=>o("td",{},m(l))))))),s.textContent=""}catch(a){r===ue&&(s.textContent=`Could not load the summaries: ${P(a)}`)}}function Oe(){return p("period-month").checked?"MONTH":"WEEK"}function Ve(e){de=e,Ne(e,Oe())}function _e(){for(let e of["period-week","period-month"])p(e).addEventListener("change",()=>{de!==null&&Ne(de,Oe())})}var j=!1,vn=k(`
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
`),ft=k(`
  query Ingestions($limit: Int!) {
    ingestions(limit: $limit) {
      ...ReportFields
    }
  }
`),yt=k(`
  mutation UploadCsv($file: Upload!, $onInvalidRow: InvalidRowPolicy!, $dateOrder: DateOrder!) {
    uploadCsv(file: $file, onInvalidRow: $onInvalidRow, dateOrder: $dateOrder) {
      ...ReportFields
    }
  }
`),ht=20,ce={APPLIED:"Applied",REJECTED:"Rejected",UNCHANGED:"Unchanged"};function F(e){return $(e,"count")}function pe(e){let t=[["Rows read",F(e.rowsRead)],["New days",F(e.rowsInserted)],["Updated days",F(e.rowsUpdated)],["Unchanged days",F(e.rowsUnchanged)],["Rejected rows",F(e.rowsRejected)],["Dates",e.firstDate===null?"—":`${e.firstDate} – ${e.lastDate??""}`],["KPI days recomputed",F(e.kpiDaysRecomputed)]],r=e.errors.length;return o("div",{class:"report"},o("dl",{class:"counts"},...t.map(([n,s])=>o("div",{},o("dt",{},n),o("dd",{},s)))),o("p",{},"Columns: ",e.columns.length?e.columns.join(", "):"none recognised"),e.warnings.length>0&&o("div",{class:"warnings"},o("h4",{},`Warnings (${e.warnings.length})`),o("ul",{},...e.warnings.map(n=>o("li",{},n)))),e.errorCount>0&&o("table",{class:"errors"},o("caption",{},r<e.errorCount?`Errors: the first ${F(r)} of ${F(e.errorCount)}`:`Errors (${F(e.errorCount)})`),o("thead",{},o("tr",{},...["Row","Column","Value","Message"].map(n=>o("th",{scope:"col"},n)))),o("tbody",{},...e.errors.map(n=>o("tr",{},o("td",{},n.row===null?"—":String(n.row)),o("td",{},n.column??"—"),o("td",{},o("code",{},n.value??"")),o("td",{},n.message))))))}function bt(e){let t=e.filename??"(no file name)";return`${xe(e.createdAt)} · ${t} · ${ce[e.status]} · ${F(e.rowsRead)} rows read, ${F(e.errorCount)} errors`}async function me(){let e=p("history");try{let{ingestions:t}=await A(ft,{limit:ht});if(t.length===0){w(e,o("p",{},"No uploads yet."));return}w(e,...t.map(r=>o("details",{class:`ingestion status-${r.status}`,"data-id":r.id},o("summary",{},bt(r)),pe(r))))}catch(t){w(e,o("p",{role:"alert"},`Could not load the upload history: ${P(t)}`))}}function Qe(e){let t=p("upload-form"),r=p("upload-file"),n=p("upload-policy"),s=p("upload-date-order"),a=p("upload-submit"),u=p("upload-result");a.textContent=j?"Preview":"Upload";let i=(d,c)=>we(yt,{file:d,onInvalidRow:n.value,dateOrder:s.value}).then(b=>b.uploadCsv),l=d=>{w(u,o("h3",{},`${ce[d.status]}: ${d.filename??""}`),pe(d)),d.status==="APPLIED"?e():me()},m=(d,c)=>{let b=o("button",{type:"button",id:"upload-apply",disabled:c.status==="REJECTED"},"Apply"),g=o("button",{type:"button",class:"secondary"},"Cancel");b.addEventListener("click",()=>{b.disabled=!0,w(u,o("p",{role:"status"},"Applying…")),i(d,!1).then(l,v=>{w(u,o("p",{role:"alert"},`Not applied: ${P(v)}`))})}),g.addEventListener("click",()=>w(u)),w(u,o("h3",{},`Preview: ${d.name} would be ${ce[c.status].toLowerCase()}`),o("p",{},"Nothing is stored yet."),pe(c),o("div",{class:"actions"},b,g))};t.addEventListener("submit",d=>{d.preventDefault();let c=r.files?.[0];if(c===void 0){w(u,o("p",{role:"alert"},"Choose a CSV file first."));return}w(u,o("p",{role:"status"},j?"Checking the file…":"Uploading…")),i(c,j).then(b=>j?m(c,b):l(b),b=>w(u,o("p",{role:"alert"},`Not uploaded: ${P(b)}`)))}),r.addEventListener("change",()=>w(u))}var vt=k(`
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
`);async function ge(){let e=p("page-status");try{let{dataRange:t,profile:r}=await A(vt);He(r,()=>{ge()}),me();let{firstDate:n,lastDate:s}=t;Me(n===null||s===null),n!==null&&s!==null&&(p("days-logged").textContent=`${$(t.daysLogged,"count")} days logged, ${n} to ${s}`,qe(s,r),Ge(n,s,a=>{Le(a,r),Ve(a)})),e.textContent="",document.body.dataset.loaded="true"}catch(t){e.textContent=`Could not reach the API: ${P(t)}`}}_e();Qe(()=>{ge()});ge();
