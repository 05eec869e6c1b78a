function Y(e,t,r){for(let[n,o]of Object.entries(t))o==null||o===!1||e.setAttribute(n,o===!0?"":String(o));for(let n of r)n==null||n===!1||e.append(n instanceof Node?n:String(n))}function s(e,t={},...r){let n=document.createElement(e);return Y(n,t,r),n}var We="http://www.w3.org/2000/svg";function A(e,t={},...r){let n=document.createElementNS(We,e);return Y(n,t,r),n}function p(e){let t=document.getElementById(e);if(t===null)throw new Error(`index.html has no #${e}`);return t}function w(e,...t){e.replaceChildren(),Y(e,{},t)}var fe="healthhub.token";function X(){return sessionStorage.getItem(fe)}var Z=null;document.addEventListener("DOMContentLoaded",()=>{p("token-dialog").addEventListener("cancel",e=>e.preventDefault())});function ye(e){return Z??=new Promise(t=>{let r=p("token-dialog"),n=p("token-form"),o=p("token-input");p("token-rejected").hidden=!e,o.value="";let a=u=>{u.preventDefault();let i=o.value.trim();i!==""&&(n.removeEventListener("submit",a),sessionStorage.setItem(fe,i),r.close(),Z=null,t(i))};n.addEventListener("submit",a),r.showModal(),o.focus()}),Z}var je=!0,z="/graphql",H=class extends Error{constructor(r,n,o){super(r);this.code=n;this.status=o;this.name="ApiError"}code;status};function ee(){let e=X();return e===null?{}:{Authorization:`Bearer ${e}`}}function he(e){return/^\s*(?:query|mutation)\s+(\w+)/.exec(e)?.[1]??"anonymous"}async function be(e){let t=await e();for(;t.status===401;)await ye(X()!==null),t=await e();return t}async function ve(e,t){performance.mark(`response ${t}`);let r;try{r=await e.json()}catch{throw new H(`The API answered ${e.status} without a JSON body`,null,e.status)}let n=r.errors?.[0];if(n!==void 0)throw new H(n.message,n.extensions?.code??null,e.status);if(r.data===null||r.data===void 0)throw new H(`The API answered ${e.status} without data`,null,e.status);return r.data}async function S(e,...[t]){let r=e.toString(),n=he(r),o=je&&/^\s*query\b/.test(r);return ve(await be(()=>{if(o){let u=new URLSearchParams({query:r,variables:JSON.stringify(t??{})});return fetch(`${z}?${u.toString()}`,{headers:ee()})}return fetch(z,{method:"POST",headers:{...ee(),"Content-Type":"application/json"},body:JSON.stringify({query:r,variables:t??{}})})}),n)}async function we(e,t){let r=e.toString();return ve(await be(()=>{let o=new FormData;return o.append("operations",JSON.stringify({query:r,variables:{...t,file:null}})),o.append("map",JSON.stringify({0:["variables.file"]})),o.append("0",t.file,t.file.name),fetch(z,{method:"POST",headers:{...ee(),"Apollo-Require-Preflight":"true"},body:o})}),he(r))}function P(e){return e instanceof H?e.code===null?e.message:`${e.message} (${e.code})`:e instanceof Error?e.message:String(e)}var Be={kg:1,hours:1,kcal:0,steps:0,perKg:2,percent:0,count:0},Je={kg:" kg",hours:" h",kcal:" kcal",steps:"",perKg:" g/kg",percent:" %",count:""},$e=new Map;function Ye(e,t){let r=`${e}:${t}`,n=$e.get(r);return n===void 0&&(n=new Intl.NumberFormat("en-US",{minimumFractionDigits:e,maximumFractionDigits:e,roundingMode:"halfExpand",signDisplay:t?"exceptZero":"negative"}),$e.set(r,n)),n}function $(e,t,r=!1){return e==null?"—":Ye(Be[t],r).format(t==="percent"?e*100:e)}function h(e,t,r=!1){return e==null?"—":$(e,t,r)+Je[t]}function De(e){let t=/(Z|[+-]\d{2}:\d{2})$/.exec(e)?.[1]??"",r=t==="Z"||t==="+00:00"?"UTC":`UTC${t}`;return`${e.slice(0,10)} ${e.slice(11,16)} ${r}`}var I=class extends String{__apiType;value;__meta__;constructor(t,r){super(t),this.value=t,this.__meta__=r}toString(){return this.value}},xe=new I(`
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
    `,{fragmentName:"ProfileFields"}),Re=new I(`
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
  rowsDeleted
  source
  dryRun
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
    `,{fragmentName:"ReportFields"}),Te=new I(`
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
}`),Pe=new I(`
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
    `),Ae=new I(`
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
    `),Se=new I(`
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
}`),ke=new I(`
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
    `),Ie=new I(`
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
  rowsDeleted
  source
  dryRun
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
}`),Fe=new I(`
    mutation ImportFile($file: Upload!, $onInvalidRow: InvalidRowPolicy!, $dateOrder: DateOrder!, $dryRun: Boolean!) {
  importFile(
    file: $file
    onInvalidRow: $onInvalidRow
    dateOrder: $dateOrder
    dryRun: $dryRun
  ) {
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
  rowsDeleted
  source
  dryRun
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
}`);var Xe={"\n  query Overview {\n    dataRange {\n      firstDate\n      lastDate\n      daysLogged\n    }\n    profile {\n      ...ProfileFields\n    }\n  }\n":Te,"\n  query Series($start: Date!, $end: Date!) {\n    kpis(start: $start, end: $end) {\n      date\n      weightTrend\n      balanceKcal\n      balance7dAvg\n      steps7dAvg\n      sleep7dAvg\n      expenditureKcal\n      expenditureLowKcal\n      expenditureHighKcal\n    }\n    dailyMetrics(start: $start, end: $end) {\n      date\n      weightKg\n      steps\n      sleepHours\n    }\n  }\n":Pe,"\n  query LatestDay($day: Date!) {\n    kpis(start: $day, end: $day) {\n      weightTrend\n      weightTrendChange7d\n      balance7dAvg\n      balance7dDays\n      proteinPerKg\n      steps7dAvg\n      sleep7dAvg\n      expenditureKcal\n      expenditureLowKcal\n      expenditureHighKcal\n    }\n    dailyMetrics(start: $day, end: $day) {\n      steps\n      sleepHours\n    }\n  }\n":Ae,"\n  fragment ProfileFields on Profile {\n    sex\n    birthDate\n    heightCm\n    activityFactor\n    stepsGoal\n    proteinTargetGPerKg\n    balanceGoalKcal\n    sleepTargetHours\n    isDefault\n  }\n":xe,"\n  mutation UpdateProfile($input: ProfileInput!) {\n    updateProfile(input: $input) {\n      ...ProfileFields\n    }\n  }\n":Se,"\n  query Summaries($start: Date!, $end: Date!, $period: Period!) {\n    kpiSummary(start: $start, end: $end, period: $period) {\n      periodStart\n      periodEnd\n      daysLogged\n      weightAvg\n      weightTrendEnd\n      balanceAvg\n      stepsAvg\n      stepsGoalRate\n      proteinPerKgAvg\n      sleepAvg\n    }\n  }\n":ke,"\n  fragment ReportFields on Ingestion {\n    id\n    filename\n    status\n    createdAt\n    rowsRead\n    rowsInserted\n    rowsUpdated\n    rowsUnchanged\n    rowsRejected\n    rowsDeleted\n    source\n    dryRun\n    firstDate\n    lastDate\n    kpiDaysRecomputed\n    columns\n    warnings\n    errorCount\n    errors {\n      row\n      column\n      value\n      message\n    }\n  }\n":Re,"\n  query Ingestions($limit: Int!) {\n    ingestions(limit: $limit) {\n      ...ReportFields\n    }\n  }\n":Ie,"\n  mutation ImportFile(\n    $file: Upload!\n    $onInvalidRow: InvalidRowPolicy!\n    $dateOrder: DateOrder!\n    $dryRun: Boolean!\n  ) {\n    importFile(file: $file, onInvalidRow: $onInvalidRow, dateOrder: $dateOrder, dryRun: $dryRun) {\n      ...ReportFields\n    }\n  }\n":Fe};function T(e){return Xe[e]??{}}function L(e){return Math.round(Date.parse(`${e}T00:00:00Z`)/864e5)}function F(e){return new Date(e*864e5).toISOString().slice(0,10)}function Ee(e,t){return F(L(e)+t)}function te(e){return/^\d{4}-\d{2}-\d{2}$/.test(e)&&F(L(e))===e}function G(e){return((e+3)%7+7)%7+1}function q(e,t,r,n=()=>!0){let o=L(t),a=[],u=L(e);for(;u<=o;){let i=Math.min(u+r-1,o);if(i<o){let l=i;for(;l>u&&!n(l+1);)l-=1;l>u&&(i=l)}a.push([F(u),F(i)]),u=i+1}return a}var O=640,N=240,D={left:56,right:12,top:12,bottom:26},ne=O-D.left-D.right,re=N-D.top-D.bottom,Ke=["Jan","Feb","Mar","Apr","May","Jun","Jul","Aug","Sep","Oct","Nov","Dec"];function ze(e,t){let r=e/t,n=10**Math.floor(Math.log10(r));return([1,2,2.5,5,10].find(a=>a*n>=r)??10)*n}function et(e){let t=1/0,r=-1/0,n=a=>{a!==null&&(a<t&&(t=a),a>r&&(r=a))};for(let a of e)a.kind==="rule"?n(a.value):a.kind==="band"?(a.low.forEach(n),a.high.forEach(n)):(a.values.forEach(n),a.kind==="bars"&&n(a.base??0));if(t===1/0)return[0,1,.25];if(t===r){let a=Math.abs(t)*.05||1;t-=a,r+=a}let o=ze(r-t,4);return[Math.floor(t/o)*o,Math.ceil(r/o)*o,o]}function tt(e,t){let r=t-e+1,n=[];if(r<=10){for(let i=e;i<=t;i+=r>5?2:1)n.push([i,F(i).slice(5)]);return n}if(r<=75){for(let i=e;i<=t;i++){if(G(i)!==1)continue;let l=F(i);n.push([i,`${Number(l.slice(8))} ${Ke[Number(l.slice(5,7))-1]}`])}return r>40?n.filter((i,l)=>l%2===0):n}let o=r>800,a=[];for(let i=e;i<=t;i++){let l=F(i);if(l.endsWith("-01")&&(!o||l.slice(5,7)==="01")){let m=Number(l.slice(5,7));a.push([i,o||m===1?l.slice(0,4):Ke[m-1]??""])}}let u=Math.ceil(a.length/10);return a.filter((i,l)=>l%u===0)}function Le(e){let t=`${e.id}-title`,r=`${e.id}-summary`,n=s("figcaption",{},s("h3",{id:t},e.title)),o=s("p",{id:r,class:"chart-summary"},e.summary),[a,u,i]=et(e.layers),l=!e.layers.some(f=>f.kind!=="rule"&&(f.kind==="band"?f.low:f.values).some(R=>R!==null)),m=ne/(e.end-e.start+1),d=f=>D.left+(f-e.start+.5)*m,c=f=>D.top+re-(f-a)/(u-a)*re,b=f=>f.toFixed(1),g=[],v=[];for(let f=a;!l&&f<=u+i/2;f+=i)g.push(`M${D.left} ${b(c(f))}H${O-D.right}`),v.push(A("text",{x:D.left-6,y:b(c(f)+4),class:"tick tick-y"},$(f,e.unit)));for(let[f,R]of tt(e.start,e.end))g.push(`M${b(d(f))} ${N-D.bottom}v4`),v.push(A("text",{x:b(d(f)),y:N-6,class:"tick tick-x"},R));let x=e.layers.map(f=>{let R=nt(f,e.days,d,c,m,b);return A("path",{d:R===""?null:R,class:`layer ${f.kind} ${f.className}`})});if(l){let f=D.top+re/2;v.push(A("text",{x:D.left+ne/2,y:f,class:"no-data"},"No data in this range"))}let K=A("svg",{viewBox:`0 0 ${O} ${N}`,role:"img","aria-labelledby":t,"aria-describedby":r,class:e.end-e.start+1>ne/2?"chart-svg dense":"chart-svg"},A("path",{d:g.join(""),class:"grid"}),...x,...v);l||at(K,e,d,m);let C=s("ul",{class:"legend"},...e.layers.map(f=>s("li",{},s("span",{class:`key key-${f.kind} ${f.className}`}),f.label)));return s("figure",{class:"chart",id:e.id},n,K,C,o)}function nt(e,t,r,n,o,a){let u=[];switch(e.kind){case"rule":return`M${D.left} ${a(n(e.value))}H${O-D.right}`;case"dots":e.values.forEach((i,l)=>{i!==null&&u.push(`M${a(r(t[l]??0))} ${a(n(i))}h0`)});break;case"line":{let i=!1;e.values.forEach((l,m)=>{if(l===null){i=!1;return}u.push(`${i?"L":"M"}${a(r(t[m]??0))} ${a(n(l))}`),i=!0});break}case"bars":{let i=Math.max(o*.7,.6),l=n(e.base??0);e.values.forEach((m,d)=>{if(m===null)return;let c=r(t[d]??0)-i/2;u.push(`M${a(c)} ${a(l)}V${a(n(m))}h${a(i)}V${a(l)}Z`)});break}case"band":{let i=[],l=()=>{if(i.length>0){let m=i.map(c=>`${a(r(t[c]??0))} ${a(n(e.high[c]??0))}`),d=i.map(c=>`${a(r(t[c]??0))} ${a(n(e.low[c]??0))}`).reverse();u.push(`M${m.join("L")}L${d.join("L")}Z`)}i=[]};e.low.forEach((m,d)=>{m===null||e.high[d]===null||e.high[d]===void 0?l():i.push(d)}),l();break}}return u.join("")}function ae(e,t){return e==null?null:$(e,t)}function rt(e,t){let r=[];for(let n of e.layers){if(n.kind==="rule")continue;if(n.kind==="band"){let a=ae(n.low[t],e.unit),u=ae(n.high[t],e.unit);a!==null&&u!==null&&r.push(`${n.label}: ${a}–${u}`);continue}let o=ae(n.values[t],e.unit);o!==null&&r.push(`${n.label}: ${o}`)}return r}function at(e,t,r,n){let o=A("path",{class:"cursor-line"}),a=A("rect",{class:"cursor-box",rx:4}),u=A("text",{class:"cursor-text"}),i=A("g",{class:"cursor",visibility:"hidden","aria-hidden":"true"},o,a,u);e.append(i);let l=m=>{let d=0,c=t.days.length-1;for(;d<c;){let g=d+c>>1;(t.days[g]??0)<m?d=g+1:c=g}let b=d-1;return b>=0&&m-(t.days[b]??0)<(t.days[d]??0)-m?b:d};e.addEventListener("pointermove",m=>{if(t.days.length===0)return;let d=e.getBoundingClientRect(),c=(m.clientX-d.left)/d.width*O,b=l(t.start+Math.floor((c-D.left)/n)),g=t.days[b];if(g===void 0)return;let v=r(g);o.setAttribute("d",`M${v.toFixed(1)} ${D.top}V${N-D.bottom}`);let x=[F(g),...rt(t,b)];u.replaceChildren(...x.map((R,j)=>A("tspan",{x:0,dy:j===0?0:14},R)));let K=Math.max(...x.map(R=>R.length))*6.4+12,C=x.length*14+8,f=v+8+K>O-D.right?v-8-K:v+8;a.setAttribute("x",f.toFixed(1)),a.setAttribute("y",String(D.top)),a.setAttribute("width",K.toFixed(1)),a.setAttribute("height",String(C)),u.setAttribute("transform",`translate(${(f+6).toFixed(1)} ${D.top+15})`),i.setAttribute("visibility","visible")}),e.addEventListener("pointerleave",()=>i.setAttribute("visibility","hidden"))}function U(e){return e?.expenditureKcal===null||e?.expenditureKcal===void 0?null:{mid:e.expenditureKcal,low:e.expenditureLowKcal??null,high:e.expenditureHighKcal??null}}var se=3660,ot=T(`
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
`);async function st(e){let t=await Promise.all(q(e.start,e.end,se).map(([n,o])=>S(ot,{start:n,end:o}))),r=[];for(let n of t){let o=new Map(n.dailyMetrics.map(a=>[a.date,a]));for(let a of n.kpis)r.push({day:L(a.date),date:a.date,kpi:a,metric:o.get(a.date),expenditure:U(a)})}return r}function E(e,t){return e.map(r=>t(r)??null)}function V(e){return e.filter(t=>t!==null).length}function oe(e,t){for(let r=t.length-1;r>=0;r--){let n=t[r],o=e[r];if(n!=null&&o!==void 0)return[o.date,n]}return null}function it(e,t,r){let n={start:L(e.start),end:L(e.end),days:t.map(y=>y.day)},o=E(t,y=>y.metric?.weightKg),a=E(t,y=>y.kpi.weightTrend),u=oe(t,a),i=E(t,y=>y.expenditure?.mid),l=E(t,y=>y.expenditure?.low),m=E(t,y=>y.expenditure?.high),d=oe(t,i),c=E(t,y=>y.kpi.balanceKcal),b=E(t,y=>y.kpi.balance7dAvg),g=oe(t,b),v=E(t,y=>y.metric?.steps),x=E(t,y=>y.kpi.steps7dAvg),K=v.filter(y=>y!==null&&y>=r.stepsGoal).length,C=E(t,y=>y.metric?.sleepHours),f=E(t,y=>y.kpi.sleep7dAvg),R=C.filter(y=>y!==null),j=R.length?R.reduce((y,J)=>y+J,0)/R.length:null,B=(y,J)=>y===null?"none in this range":`${h(y[1],J)} on ${y[0]}`;return[{...n,id:"chart-weight",title:"Weight (kg)",unit:"kg",layers:[{kind:"dots",values:o,className:"c-weight",label:"Weigh-ins"},{kind:"line",values:a,className:"c-trend",label:"Trend"}],summary:`${$(V(o),"count")} weigh-ins. Trend: ${B(u,"kg")}.`},{...n,id:"chart-expenditure",title:"Expenditure (kcal/day)",unit:"kcal",layers:[{kind:"band",low:l,high:m,className:"c-band",label:"80 % interval"},{kind:"line",values:i,className:"c-expenditure",label:"Estimate"}],summary:`${$(V(i),"count")} days with an estimate. Latest: ${B(d,"kcal")}.`},{...n,id:"chart-balance",title:"Daily balance (kcal)",unit:"kcal",layers:[{kind:"bars",values:c,className:"c-balance",label:"Balance"},{kind:"line",values:b,className:"c-average",label:"7-day average"},{kind:"rule",value:r.balanceGoalKcal,className:"c-goal",label:`Goal ${h(r.balanceGoalKcal,"kcal")}`}],summary:`${$(V(c),"count")} days with a balance. 7-day average: ${B(g,"kcal")}.`},{...n,id:"chart-steps",title:"Steps",unit:"steps",layers:[{kind:"bars",values:v,className:"c-steps",label:"Steps"},{kind:"line",values:x,className:"c-average",label:"7-day average"},{kind:"rule",value:r.stepsGoal,className:"c-goal",label:`Goal ${h(r.stepsGoal,"steps")}`}],summary:`${$(V(v),"count")} days with steps, ${$(K,"count")} at or above the goal of ${h(r.stepsGoal,"steps")}.`},{...n,id:"chart-sleep",title:"Sleep (hours)",unit:"hours",layers:[{kind:"dots",values:C,className:"c-sleep",label:"Nights"},{kind:"line",values:f,className:"c-average",label:"7-day average"},{kind:"rule",value:r.sleepTargetHours,className:"c-goal",label:`Target ${h(r.sleepTargetHours,"hours")}`}],summary:`${$(R.length,"count")} nights logged, average ${h(j,"hours")} against the target of ${h(r.sleepTargetHours,"hours")}.`}]}var _=0;async function Me(e,t){let r=++_,n=p("charts"),o=p("charts-status");n.setAttribute("aria-busy","true"),o.textContent=`Loading ${e.start} to ${e.end}…`;try{let a=await st(e);if(r!==_)return;performance.mark("charts-data"),w(n,...it(e,a,t).map(Le)),o.textContent=`${$(a.length,"count")} logged days from ${e.start} to ${e.end}.`,await new Promise(u=>requestAnimationFrame(()=>setTimeout(u,0))),performance.mark("charts-drawn"),n.dataset.range=`${e.start}..${e.end}`}catch(a){r===_&&(o.textContent=`Could not load the charts: ${P(a)}`)}finally{r===_&&n.removeAttribute("aria-busy")}}var lt=["latest-section","charts-section","summaries-section"];function Ce(e){p("empty").hidden=!e;for(let t of lt)p(t).hidden=e}var ut=T(`
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
`);function M(e,t,r,n,o=!1){return s("div",{class:"figure","data-figure":e},s("dt",{},t),s("dd",{class:o?"value missing":"value"},r),s("dd",{class:"detail"},n))}function dt(e){if(e===null)return M("expenditure","Expenditure","No estimate","Too little intake and weight data yet, or too uncertain",!0);let t=e.low===null||e.high===null?"no interval":`80 % interval ${$(e.low,"kcal")}–${h(e.high,"kcal")}`;return M("expenditure","Expenditure",h(e.mid,"kcal"),`a day; ${t}`,e.mid===null)}async function He(e,t){let r=p("headline");p("headline-day").textContent=e;try{let n=await S(ut,{day:e}),o=n.kpis[0],a=n.dailyMetrics[0];w(r,M("weight-trend","Weight trend",h(o?.weightTrend,"kg"),`${h(o?.weightTrendChange7d,"kg",!0)} in 7 days`),dt(U(o)),M("balance","7-day balance",h(o?.balance7dAvg,"kcal",!0),`a day, over ${o?.balance7dDays??0} of 7 days; goal ${h(t.balanceGoalKcal,"kcal",!0)}`),M("steps","Steps",h(a?.steps,"steps"),`7-day average ${h(o?.steps7dAvg,"steps")}; goal ${h(t.stepsGoal,"steps")}`),M("sleep","Sleep",h(a?.sleepHours,"hours"),`7-day average ${h(o?.sleep7dAvg,"hours")}; target ${h(t.sleepTargetHours,"hours")}`),M("protein","Protein",h(o?.proteinPerKg,"perKg"),`target ${h(t.proteinTargetGPerKg,"perKg")}`))}catch(n){w(r,s("p",{role:"alert"},`Could not load the latest day: ${P(n)}`))}}var nn=T(`
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
`),ct=T(`
  mutation UpdateProfile($input: ProfileInput!) {
    updateProfile(input: $input) {
      ...ProfileFields
    }
  }
`),ie=[{key:"heightCm",label:"Height (cm)",step:"0.1",min:"50",max:"272"},{key:"activityFactor",label:"Activity factor",step:"0.01",min:"1",max:"2.5"},{key:"stepsGoal",label:"Steps goal (steps a day)",step:"1",min:"0"},{key:"proteinTargetGPerKg",label:"Protein target (g per kg)",step:"0.1",min:"0"},{key:"balanceGoalKcal",label:"Balance goal (kcal a day)",step:"1"},{key:"sleepTargetHours",label:"Sleep target (hours)",step:"0.1",min:"0",max:"24"}];function le(e,t,r){return s("div",{class:"field"},s("label",{for:e},t),r)}function Oe(e,t){let r=s("select",{id:"profile-sex",name:"sex"},s("option",{value:"MALE",selected:e.sex==="MALE"},"Male"),s("option",{value:"FEMALE",selected:e.sex==="FEMALE"},"Female")),n=s("input",{type:"date",id:"profile-birthDate",name:"birthDate",value:e.birthDate??""}),o=ie.map(i=>s("input",{type:"number",id:`profile-${i.key}`,name:i.key,step:i.step,min:i.min,max:i.max,required:i.key!=="heightCm",value:e[i.key]??""})),a=p("profile-status"),u=s("form",{id:"profile-form",class:"profile-form"},e.isDefault?s("p",{class:"note"},"This is the default profile: enter your own so the KPIs fit you."):null,s("div",{class:"fields"},le("profile-sex","Sex (for the BMR formula)",r),le("profile-birthDate","Birth date",n),...ie.map((i,l)=>le(`profile-${i.key}`,i.label,o[l]??s("span")))),s("button",{type:"submit"},"Save profile"));u.addEventListener("submit",i=>{i.preventDefault();let l={sex:r.value,birthDate:n.value===""?null:n.value};ie.forEach((m,d)=>{let c=o[d]?.value??"";l[m.key]=c===""?null:Number(c)}),a.textContent="Saving and recomputing the KPIs…",S(ct,{input:l}).then(()=>{a.textContent="Saved.",t()}).catch(m=>{a.textContent=`Not saved: ${P(m)}`})}),w(p("profile"),u)}var Q=[{value:"30",label:"30 days",days:30},{value:"90",label:"90 days",days:90},{value:"365",label:"1 year",days:365},{value:"all",label:"All",days:null},{value:"custom",label:"Custom",days:null}];function pt(){let e=new URLSearchParams(location.hash.slice(1)).get("range")??"90",t=/^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(e);return t?.[1]!==void 0&&t[2]!==void 0?{choice:"custom",custom:{start:t[1],end:t[2]}}:{choice:Q.find(n=>n.value===e&&n.value!=="custom")?.value??"90",custom:null}}function Ne(e,t,r){let n=pt(),o=s("input",{type:"date",id:"range-from",name:"from",required:!0}),a=s("input",{type:"date",id:"range-to",name:"to",required:!0}),u=s("p",{class:"form-error",role:"alert"}),i=s("form",{id:"range-custom-form",class:"range-custom",novalidate:!0},s("label",{for:"range-from"},"From"),o,s("label",{for:"range-to"},"To"),a,s("button",{type:"submit"},"Show"),u),l=Q.map(g=>s("input",{type:"radio",name:"range",value:g.value,id:`range-${g.value}`,checked:g.value===n.choice})),m=s("fieldset",{class:"range-presets"},s("legend",{},"Range"),...Q.map((g,v)=>s("span",{class:"choice"},l[v],s("label",{for:`range-${g.value}`},g.label)))),d=g=>{let v=Q.find(x=>x.value===g);return g==="all"?{start:e,end:t}:v?.days?{start:Ee(t,1-v.days),end:t}:{start:o.value,end:a.value}},c=(g,v)=>{i.hidden=g!=="custom",u.textContent="";let x=g==="custom"?`${v.start}..${v.end}`:g;history.replaceState(null,"",`#range=${x}`),r(v)};for(let g of l)g.addEventListener("change",()=>{let v=g.value;if(v==="custom"){i.hidden=!1,o.focus();return}let x=d(v);o.value=x.start,a.value=x.end,c(v,x)});i.addEventListener("submit",g=>{if(g.preventDefault(),!te(o.value)||!te(a.value)){u.textContent="Enter both dates.";return}if(o.value>a.value){u.textContent="The start date must not be after the end date.";return}c("custom",d("custom"))}),w(p("range"),m,i);let b=n.custom??d(n.choice);o.value=b.start,a.value=b.end,c(n.choice,b)}var mt=T(`
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
`),Ge=[["Days logged",e=>$(e.daysLogged,"count")],["Weight",e=>h(e.weightAvg,"kg")],["Trend at end",e=>h(e.weightTrendEnd,"kg")],["Balance a day",e=>h(e.balanceAvg,"kcal",!0)],["Steps a day",e=>h(e.stepsAvg,"steps")],["Steps goal met",e=>h(e.stepsGoalRate,"percent")],["Protein",e=>h(e.proteinPerKgAvg,"perKg")],["Sleep",e=>h(e.sleepAvg,"hours")]];function gt(e){return e==="WEEK"?t=>G(t)===1:t=>F(t).endsWith("-01")}var de=null,ue=0;async function qe(e,t){let r=++ue,n=p("summaries-table"),o=p("summaries-status");try{let a=await Promise.all(q(e.start,e.end,se,gt(t)).map(([l,m])=>S(mt,{start:l,end:m,period:t})));if(r!==ue)return;let u=a.flatMap(l=>l.kpiSummary).reverse(),i=t==="WEEK"?"Week":"Month";w(n,s("caption",{},`${i}s from ${e.start} to ${e.end}, newest first`),s("thead",{},s("tr",{},s("th",{scope:"col"},i),...Ge.map(([l])=>s("th",{scope:"col"},l)))),s("tbody",{},...u.map(l=>s("tr",{},s("th",{scope:"row"},`${l.periodStart} – ${l.periodEnd}`),...Ge.map(([,m])=>s("td",{},m(l))))))),o.textContent=""}catch(a){r===ue&&(o.textContent=`Could not load the summaries: ${P(a)}`)}}function Ue(){return p("period-month").checked?"MONTH":"WEEK"}function Ve(e){de=e,qe(e,Ue())}function _e(){for(let e of["period-week","period-month"])p(e).addEventListener("change",()=>{de!==null&&qe(de,Ue())})}var W=!0,wn=T(`
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
    rowsDeleted
    source
    dryRun
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
`),ft=T(`
  query Ingestions($limit: Int!) {
    ingestions(limit: $limit) {
      ...ReportFields
    }
  }
`),yt=T(`
  mutation ImportFile(
    $file: Upload!
    $onInvalidRow: InvalidRowPolicy!
    $dateOrder: DateOrder!
    $dryRun: Boolean!
  ) {
    importFile(file: $file, onInvalidRow: $onInvalidRow, dateOrder: $dateOrder, dryRun: $dryRun) {
      ...ReportFields
    }
  }
`),ht=20,ce={APPLIED:"Applied",REJECTED:"Rejected",UNCHANGED:"Unchanged"},bt={AUTO:"detected",HUB:"Health Metrics Hub CSV",MYFITNESSPAL:"MyFitnessPal",CRONOMETER:"Cronometer",WITHINGS:"Withings",GARMIN:"Garmin",GOOGLE_FIT:"Google Fit",FITBIT:"Fitbit",OURA:"Oura",WHOOP:"WHOOP",RENPHO:"Renpho",APPLE_HEALTH:"Apple Health",UNKNOWN:"not recognised"};function k(e){return $(e,"count")}function pe(e){let t=[["Rows read",k(e.rowsRead)],["New days",k(e.rowsInserted)],["Updated days",k(e.rowsUpdated)],["Unchanged days",k(e.rowsUnchanged)],["Rejected rows",k(e.rowsRejected)],["Deleted days",k(e.rowsDeleted)],["Dates",e.firstDate===null?"—":`${e.firstDate} – ${e.lastDate??""}`],["KPI days recomputed",k(e.kpiDaysRecomputed)]],r=e.errors.length;return s("div",{class:"report"},s("dl",{class:"counts"},...t.map(([n,o])=>s("div",{},s("dt",{},n),s("dd",{},o)))),s("p",{},`Format: ${bt[e.source]}. Columns: `,e.columns.length?e.columns.join(", "):"none recognised"),e.warnings.length>0&&s("div",{class:"warnings"},s("h4",{},`Warnings (${e.warnings.length})`),s("ul",{},...e.warnings.map(n=>s("li",{},n)))),e.errorCount>0&&s("table",{class:"errors"},s("caption",{},r<e.errorCount?`Errors: the first ${k(r)} of ${k(e.errorCount)}`:`Errors (${k(e.errorCount)})`),s("thead",{},s("tr",{},...["Row","Column","Value","Message"].map(n=>s("th",{scope:"col"},n)))),s("tbody",{},...e.errors.map(n=>s("tr",{},s("td",{},n.row===null?"—":String(n.row)),s("td",{},n.column??"—"),s("td",{},s("code",{},n.value??"")),s("td",{},n.message))))))}function vt(e){let t=e.filename??"(no file name)";return`${De(e.createdAt)} · ${t} · ${ce[e.status]} · ${k(e.rowsRead)} rows read, ${k(e.errorCount)} errors`}async function me(){let e=p("history");try{let{ingestions:t}=await S(ft,{limit:ht});if(t.length===0){w(e,s("p",{},"No uploads yet."));return}w(e,...t.map(r=>s("details",{class:`ingestion status-${r.status}`,"data-id":r.id},s("summary",{},vt(r)),pe(r))))}catch(t){w(e,s("p",{role:"alert"},`Could not load the upload history: ${P(t)}`))}}function Qe(e){let t=p("upload-form"),r=p("upload-file"),n=p("upload-policy"),o=p("upload-date-order"),a=p("upload-submit"),u=p("upload-result");a.textContent=W?"Preview":"Upload";let i=(d,c)=>we(yt,{file:d,onInvalidRow:n.value,dateOrder:o.value,dryRun:c}).then(b=>b.importFile),l=d=>{w(u,s("h3",{},`${ce[d.status]}: ${d.filename??""}`),pe(d)),d.status==="APPLIED"?e():me()},m=(d,c)=>{let b=s("button",{type:"button",id:"upload-apply",disabled:c.status==="REJECTED"},"Apply"),g=s("button",{type:"button",class:"secondary"},"Cancel");b.addEventListener("click",()=>{b.disabled=!0,w(u,s("p",{role:"status"},"Applying…")),i(d,!1).then(l,v=>{w(u,s("p",{role:"alert"},`Not applied: ${P(v)}`))})}),g.addEventListener("click",()=>w(u)),w(u,s("h3",{},`Preview: ${d.name} would be ${ce[c.status].toLowerCase()}`),s("p",{},"Nothing is stored yet."),pe(c),s("div",{class:"actions"},b,g))};t.addEventListener("submit",d=>{d.preventDefault();let c=r.files?.[0];if(c===void 0){w(u,s("p",{role:"alert"},"Choose a CSV file first."));return}w(u,s("p",{role:"status"},W?"Checking the file…":"Uploading…")),i(c,W).then(b=>W?m(c,b):l(b),b=>w(u,s("p",{role:"alert"},`Not uploaded: ${P(b)}`)))}),r.addEventListener("change",()=>w(u))}var wt=T(`
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
`);async function ge(){let e=p("page-status");try{let{dataRange:t,profile:r}=await S(wt);Oe(r,()=>{ge()}),me();let{firstDate:n,lastDate:o}=t;Ce(n===null||o===null),n!==null&&o!==null&&(p("days-logged").textContent=`${$(t.daysLogged,"count")} days logged, ${n} to ${o}`,He(o,r),Ne(n,o,a=>{Me(a,r),Ve(a)})),e.textContent="",document.body.dataset.loaded="true"}catch(t){e.textContent=`Could not reach the API: ${P(t)}`}}_e();Qe(()=>{ge()});ge();
