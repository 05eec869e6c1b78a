var fn="/assets/sw.js";function ot(){"serviceWorker"in navigator&&navigator.serviceWorker.register(fn,{scope:"/"}).catch(()=>{})}async function $e(){if(!("caches"in window))return;let e=await caches.keys();await Promise.all(e.filter(t=>t.startsWith("healthhub-figures")).map(t=>caches.delete(t)))}function He(e,t,r){for(let[n,o]of Object.entries(t))o==null||o===!1||e.setAttribute(n,o===!0?"":String(o));for(let n of r)n==null||n===!1||e.append(n instanceof Node?n:String(n))}function i(e,t={},...r){let n=document.createElement(e);return He(n,t,r),n}var hn="http://www.w3.org/2000/svg";function J(e,t={},...r){let n=document.createElementNS(hn,e);return He(n,t,r),n}function f(e){let t=document.getElementById(e);if(t===null)throw new Error(`index.html has no #${e}`);return t}function S(e,...t){e.replaceChildren(),He(e,{},t)}var Ue="healthhub.token";function fe(){return sessionStorage.getItem(Ue)}var Ne=null;document.addEventListener("DOMContentLoaded",()=>{f("token-dialog").addEventListener("cancel",e=>e.preventDefault())});function it(e){return Ne??=new Promise(t=>{let r=f("token-dialog"),n=f("token-form"),o=f("token-input");f("token-rejected").hidden=!e,o.value="";let a=s=>{s.preventDefault();let d=o.value.trim();d!==""&&(n.removeEventListener("submit",a),sessionStorage.setItem(Ue,d),r.close(),Ne=null,t(d))};n.addEventListener("submit",a),r.showModal(),o.focus()}),Ne}function st(){sessionStorage.removeItem(Ue)}var bn=!0,We="/graphql",X=class extends Error{constructor(r,n,o,a=null){super(r);this.code=n;this.status=o;this.field=a;this.name="ApiError"}code;status;field};function Oe(){let e=fe();return e===null?{}:{Authorization:`Bearer ${e}`}}function lt(e){return/^\s*(?:query|mutation)\s+(\w+)/.exec(e)?.[1]??"anonymous"}async function ut(e){let t=await e();for(;t.status===401;)$e(),await it(fe()!==null),t=await e();return t}var wn="x-healthhub-saved-at",dt=()=>{};function ct(e){dt=e}async function mt(e,t){performance.mark(`response ${t}`),dt(e.headers.get(wn));let r;try{r=await e.json()}catch{throw new X(`The API answered ${e.status} without a JSON body`,null,e.status)}let n=r.errors?.[0];if(n!==void 0)throw new X(n.message,n.extensions?.code??null,e.status,n.extensions?.field??null);if(r.data===null||r.data===void 0)throw new X(`The API answered ${e.status} without data`,null,e.status);return r.data}async function H(e,...[t]){let r=e.toString(),n=lt(r),o=bn&&/^\s*query\b/.test(r);return mt(await ut(()=>{if(o){let s=new URLSearchParams({query:r,variables:JSON.stringify(t??{})});return fetch(`${We}?${s.toString()}`,{headers:Oe()})}return fetch(We,{method:"POST",headers:{...Oe(),"Content-Type":"application/json"},body:JSON.stringify({query:r,variables:t??{}})})}),n)}async function pt(e,t){let r=e.toString();return mt(await ut(()=>{let o=new FormData;return o.append("operations",JSON.stringify({query:r,variables:{...t,file:null}})),o.append("map",JSON.stringify({0:["variables.file"]})),o.append("0",t.file,t.file.name),fetch(We,{method:"POST",headers:{...Oe(),"Apollo-Require-Preflight":"true"},body:o})}),lt(r))}function L(e){return e instanceof X?e.code===null?e.message:`${e.message} (${e.code})`:e instanceof Error?e.message:String(e)}function V(e){return Math.round(Date.parse(`${e}T00:00:00Z`)/864e5)}function N(e){return new Date(e*864e5).toISOString().slice(0,10)}function ne(e,t){return N(V(e)+t)}function ce(e){return/^\d{4}-\d{2}-\d{2}$/.test(e)&&N(V(e))===e}function re(e){return((e+3)%7+7)%7+1}function me(e,t,r,n=()=>!0){let o=V(t),a=[],s=V(e);for(;s<=o;){let d=Math.min(s+r-1,o);if(d<o){let u=d;for(;u>s&&!n(u+1);)u-=1;u>s&&(d=u)}a.push([N(s),N(d)]),s=d+1}return a}var O=class extends String{__apiType;value;__meta__;constructor(t,r){super(t),this.value=t,this.__meta__=r}toString(){return this.value}},gt=new O(`
    fragment EntryFields on DailyMetric {
  date
  weightKg
  kcalIn
  steps
  sleepHours
}
    `,{fragmentName:"EntryFields"}),yt=new O(`
    fragment ProfileFields on Profile {
  sex
  birthDate
  heightCm
  activityFactor
  stepsGoal
  proteinTargetGPerKg
  balanceGoalKcal
  sleepTargetHours
  goalWeightKg
  goalRateKgPerWeek
  weightUnit
  timeZone
  isDefault
}
    `,{fragmentName:"ProfileFields"}),ft=new O(`
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
    `,{fragmentName:"ReportFields"}),ht=new O(`
    query ExportDays($start: Date!, $end: Date!) {
  dailyMetrics(start: $start, end: $end) {
    date
    steps
    proteinG
    kcalIn
    kcalJunkIn
    kcalOutTraining
    sleepHours
    stress
    weightKg
    waistCm
  }
}
    `),bt=new O(`
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
  goalWeightKg
  goalRateKgPerWeek
  weightUnit
  timeZone
  isDefault
}`),wt=new O(`
    query Series($start: Date!, $end: Date!) {
  kpis(start: $start, end: $end) {
    date
    weightTrend
    goalEtaDate
    targetKcalIn
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
    kcalIn
    steps
    sleepHours
  }
}
    `),vt=new O(`
    query DayEntry($day: Date!) {
  dailyMetrics(start: $day, end: $day) {
    ...EntryFields
  }
}
    fragment EntryFields on DailyMetric {
  date
  weightKg
  kcalIn
  steps
  sleepHours
}`),$t=new O(`
    mutation SaveDay($input: DailyMetricInput!) {
  upsertDailyMetric(input: $input) {
    ...EntryFields
  }
}
    fragment EntryFields on DailyMetric {
  date
  weightKg
  kcalIn
  steps
  sleepHours
}`),Dt=new O(`
    mutation DeleteDay($day: Date!) {
  deleteDailyMetrics(start: $day, end: $day)
}
    `),kt=new O(`
    query LatestDay($day: Date!, $since: Date!, $monday: Date!) {
  recent: dailyMetrics(start: $since, end: $day) {
    date
    weightKg
    kcalIn
  }
  recentKpis: kpis(start: $since, end: $day) {
    date
    weightTrend
  }
  kpis(start: $day, end: $day) {
    weightTrend
    weightTrendChange7d
    weightRateKgPerWeek
    goalEtaDate
    targetKcalIn
    energyBalanceKcal
    energyBalance7dAvg
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
    weightKg
    steps
    sleepHours
  }
  week: kpiSummary(start: $monday, end: $day, period: WEEK) {
    kcalInAvg
  }
}
    `),xt=new O(`
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
  goalWeightKg
  goalRateKgPerWeek
  weightUnit
  timeZone
  isDefault
}`),Et=new O(`
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
    `),Rt=new O(`
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
}`),It=new O(`
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
}`);var $n={"\n  query ExportDays($start: Date!, $end: Date!) {\n    dailyMetrics(start: $start, end: $end) {\n      date\n      steps\n      proteinG\n      kcalIn\n      kcalJunkIn\n      kcalOutTraining\n      sleepHours\n      stress\n      weightKg\n      waistCm\n    }\n  }\n":ht,"\n  query Overview {\n    dataRange {\n      firstDate\n      lastDate\n      daysLogged\n    }\n    profile {\n      ...ProfileFields\n    }\n  }\n":bt,"\n  query Series($start: Date!, $end: Date!) {\n    kpis(start: $start, end: $end) {\n      date\n      weightTrend\n      goalEtaDate\n      targetKcalIn\n      balanceKcal\n      balance7dAvg\n      steps7dAvg\n      sleep7dAvg\n      expenditureKcal\n      expenditureLowKcal\n      expenditureHighKcal\n    }\n    dailyMetrics(start: $start, end: $end) {\n      date\n      weightKg\n      kcalIn\n      steps\n      sleepHours\n    }\n  }\n":wt,"\n  fragment EntryFields on DailyMetric {\n    date\n    weightKg\n    kcalIn\n    steps\n    sleepHours\n  }\n":gt,"\n  query DayEntry($day: Date!) {\n    dailyMetrics(start: $day, end: $day) {\n      ...EntryFields\n    }\n  }\n":vt,"\n  mutation SaveDay($input: DailyMetricInput!) {\n    upsertDailyMetric(input: $input) {\n      ...EntryFields\n    }\n  }\n":$t,"\n  mutation DeleteDay($day: Date!) {\n    deleteDailyMetrics(start: $day, end: $day)\n  }\n":Dt,"\n  query LatestDay($day: Date!, $since: Date!, $monday: Date!) {\n    recent: dailyMetrics(start: $since, end: $day) {\n      date\n      weightKg\n      kcalIn\n    }\n    recentKpis: kpis(start: $since, end: $day) {\n      date\n      weightTrend\n    }\n    kpis(start: $day, end: $day) {\n      weightTrend\n      weightTrendChange7d\n      weightRateKgPerWeek\n      goalEtaDate\n      targetKcalIn\n      energyBalanceKcal\n      energyBalance7dAvg\n      balance7dAvg\n      balance7dDays\n      proteinPerKg\n      steps7dAvg\n      sleep7dAvg\n      expenditureKcal\n      expenditureLowKcal\n      expenditureHighKcal\n    }\n    dailyMetrics(start: $day, end: $day) {\n      weightKg\n      steps\n      sleepHours\n    }\n    week: kpiSummary(start: $monday, end: $day, period: WEEK) {\n      kcalInAvg\n    }\n  }\n":kt,"\n  fragment ProfileFields on Profile {\n    sex\n    birthDate\n    heightCm\n    activityFactor\n    stepsGoal\n    proteinTargetGPerKg\n    balanceGoalKcal\n    sleepTargetHours\n    goalWeightKg\n    goalRateKgPerWeek\n    weightUnit\n    timeZone\n    isDefault\n  }\n":yt,"\n  mutation UpdateProfile($input: ProfileInput!) {\n    updateProfile(input: $input) {\n      ...ProfileFields\n    }\n  }\n":xt,"\n  query Summaries($start: Date!, $end: Date!, $period: Period!) {\n    kpiSummary(start: $start, end: $end, period: $period) {\n      periodStart\n      periodEnd\n      daysLogged\n      weightAvg\n      weightTrendEnd\n      balanceAvg\n      stepsAvg\n      stepsGoalRate\n      proteinPerKgAvg\n      sleepAvg\n    }\n  }\n":Et,"\n  fragment ReportFields on Ingestion {\n    id\n    filename\n    status\n    createdAt\n    rowsRead\n    rowsInserted\n    rowsUpdated\n    rowsUnchanged\n    rowsRejected\n    rowsDeleted\n    source\n    dryRun\n    firstDate\n    lastDate\n    kpiDaysRecomputed\n    columns\n    warnings\n    errorCount\n    errors {\n      row\n      column\n      value\n      message\n    }\n  }\n":ft,"\n  query Ingestions($limit: Int!) {\n    ingestions(limit: $limit) {\n      ...ReportFields\n    }\n  }\n":Rt,"\n  mutation ImportFile(\n    $file: Upload!\n    $onInvalidRow: InvalidRowPolicy!\n    $dateOrder: DateOrder!\n    $dryRun: Boolean!\n  ) {\n    importFile(file: $file, onInvalidRow: $onInvalidRow, dateOrder: $dateOrder, dryRun: $dryRun) {\n      ...ReportFields\n    }\n  }\n":It};function M(e){return $n[e]??{}}var Dn=M(`
  query ExportDays($start: Date!, $end: Date!) {
    dailyMetrics(start: $start, end: $end) {
      date
      steps
      proteinG
      kcalIn
      kcalJunkIn
      kcalOutTraining
      sleepHours
      stress
      weightKg
      waistCm
    }
  }
`),Kt=[["date","date"],["steps_n","steps"],["proteins_g","proteinG"],["kcal_in","kcalIn"],["kcal_junk_in","kcalJunkIn"],["kcal_out_training","kcalOutTraining"],["sleep_hours","sleepHours"],["stress_rel","stress"],["weight_kg","weightKg"],["waist_cm","waistCm"]];async function St(e,t,r){let n=await Promise.all(me(e,t,r).map(([a,s])=>H(Dn,{start:a,end:s}))),o=[Kt.map(([a])=>a).join(",")];for(let a of n)for(let s of a.dailyMetrics)o.push(Kt.map(([,d])=>s[d]===null?"":String(s[d])).join(","));return`${o.join(`
`)}
`}function Tt(e,t){let r=URL.createObjectURL(new Blob([e],{type:"text/csv"})),n=document.createElement("a");n.href=r,n.download=t,document.body.append(n),n.click(),n.remove(),setTimeout(()=>URL.revokeObjectURL(r),1e4)}var kn={kg:1,rate:2,hours:1,kcal:0,steps:0,perKg:2,percent:0,count:0},xn={kg:" kg",rate:" kg/week",hours:" h",kcal:" kcal",steps:"",perKg:" g/kg",percent:" %",count:""},At=new Map;function En(e,t){let r=`${e}:${t}`,n=At.get(r);return n===void 0&&(n=new Intl.NumberFormat("en-US",{minimumFractionDigits:e,maximumFractionDigits:e,roundingMode:"halfExpand",signDisplay:t?"exceptZero":"negative"}),At.set(r,n)),n}function I(e,t,r=!1){return e==null?"—":En(kn[t],r).format(t==="percent"?e*100:e)}function k(e,t,r=!1){return e==null?"—":I(e,t,r)+xn[t]}var Rn=new Intl.DateTimeFormat("en-CA",{year:"numeric",month:"2-digit",day:"2-digit",hour:"2-digit",minute:"2-digit",hourCycle:"h23",timeZoneName:"short"});function De(e){let t=Object.fromEntries(Rn.formatToParts(new Date(e)).map(r=>[r.type,r.value]));return`${t.year}-${t.month}-${t.day} ${t.hour}:${t.minute} ${t.timeZoneName}`}var Pt=.45359237,Mt={min:20,max:400};function G(e){return e==="LB"?"lb":"kg"}function U(e,t){return t==="LB"?e/Pt:e}function ke(e,t){let r=t==="LB"?e*Pt:e;return Math.round(r*1e3)/1e3}function qe(e,t,r=!1){return e==null?"—":I(U(e,t),"kg",r)}function C(e,t,r=!1){return e==null?"—":`${qe(e,t,r)} ${G(t)}`}function _e(e,t){return e==null?"—":`${I(U(e,t),"rate",!0)} ${G(t)}/week`}function xe(e){let t=Math.ceil(U(Mt.min,e)*10)/10,r=Math.floor(U(Mt.max,e)*10)/10;return{min:t,max:r}}function se(e){return e.weightUnit}var F={left:52,right:10,top:12,bottom:28},Ct=["Jan","Feb","Mar","Apr","May","Jun","Jul","Aug","Sep","Oct","Nov","Dec"],Ft=15,In=6.9;function Kn(e,t){let r=e/t,n=10**Math.floor(Math.log10(r));return([1,2,2.5,5,10].find(a=>a*n>=r)??10)*n}function Sn(e){let t=1/0,r=-1/0,n=a=>{a!==null&&(a<t&&(t=a),a>r&&(r=a))};for(let a of e)a.kind==="rule"?n(a.value):a.kind==="segment"?(n(a.from[1]),n(a.to[1])):a.kind==="band"?(a.low.forEach(n),a.high.forEach(n)):(a.values.forEach(n),a.kind==="bars"&&n(a.base??0));if(t===1/0)return[0,1,.25];if(t===r){let a=Math.abs(t)*.05||1;t-=a,r+=a}let o=Kn(r-t,4);return[Math.floor(t/o)*o,Math.ceil(r/o)*o,o]}function Lt(e){return`${Number(e.slice(8))} ${Ct[Number(e.slice(5,7))-1]??""}`}function Tn(e,t,r){let n=t-e+1,o=[],a;if(n<=10){for(let l=e;l<=t;l++)o.push(l);a=Lt}else if(n<=100){for(let l=e;l<=t;l++)re(l)===1&&o.push(l);a=Lt}else if(n<=1100){for(let l=e;l<=t;l++)N(l).endsWith("-01")&&o.push(l);a=l=>Ct[Number(l.slice(5,7))-1]??""}else{for(let l=e;l<=t;l++)N(l).endsWith("-01-01")&&o.push(l);a=l=>l.slice(0,4)}let s=Math.max(1,Math.ceil(o.length/Math.max(r,1)));o=o.filter((l,g)=>g%s===0);let d=[],u="";for(let l of o){let g=N(l),p=a(g);g.slice(0,4)!==u&&!/^\d{4}$/.test(p)&&(p=`${p} ${g.slice(0,4)}`),u=g.slice(0,4),d.push([l,p])}return d}function Ht(e,t,r){let n=`${e.id}-title`,o=`${e.id}-summary`,a=Math.max(Math.round(t),260),s=Math.round(Math.min(Math.max(a*.45,190),250)),d=a-F.left-F.right,u=s-F.top-F.bottom,l=i("figcaption",{},i("h3",{id:n},e.title),e.weekly&&i("p",{class:"chart-note"},"Weekly averages: over 400 days, each point is one week.")),g=i("p",{id:o,class:"chart-summary"},e.summary),[p,h,K]=Sn(e.layers),D=!e.layers.some(c=>c.kind!=="rule"&&c.kind!=="segment"&&(c.kind==="band"?c.low:c.values).some($=>$!==null)),w=d/(e.end-e.start+1),x=c=>F.left+(c-e.start+.5)*w,y=c=>F.top+u-(c-p)/(h-p)*u,v=c=>c.toFixed(1),R=[],E=[];for(let c=p;!D&&c<=h+K/2;c+=K)R.push(`M${F.left} ${v(y(c))}H${a-F.right}`),E.push(J("text",{x:F.left-6,y:v(y(c)+4),class:"tick tick-y"},e.tick(c)));for(let[c,$]of Tn(e.start,e.end,Math.floor(d/80)))R.push(`M${v(x(c))} ${s-F.bottom}v4`),E.push(J("text",{x:v(x(c)),y:s-8,class:"tick tick-x"},$));let A=e.layers.map(c=>{let $=An(c,e.days,x,y,w*(e.weekly?7:1),v,a);return J("path",{d:$===""?null:$,class:`layer ${c.kind} ${c.className}`})});if(D){let c=F.top+u/2;E.push(J("text",{x:F.left+d/2,y:c,class:"no-data"},"No data in this range"))}let _=e.days.length,j=J("svg",{viewBox:`0 0 ${a} ${s}`,width:a,height:s,role:"img",tabindex:D?null:0,"aria-labelledby":n,"aria-describedby":o,class:_>d/2?"chart-svg dense":"chart-svg"},J("path",{d:R.join(""),class:"grid"}),...A,...E),Z=i("p",{class:"readout","aria-live":"polite"}),Y=i("figure",{class:"chart",id:e.id},l,j),oe=i("ul",{class:"legend"},...e.layers.map(c=>i("li",{},i("span",{class:`key key-${c.kind} ${c.className}`}),c.label)));return Y.append(oe,Z,g),D||Pn(j,Z,e,{x,width:a,height:s,dayWidth:w},r),Y}function An(e,t,r,n,o,a,s){let d=[];switch(e.kind){case"rule":return`M${F.left} ${a(n(e.value))}H${s-F.right}`;case"segment":return`M${a(r(e.from[0]))} ${a(n(e.from[1]))}L${a(r(e.to[0]))} ${a(n(e.to[1]))}`;case"step":{let u=!1;e.values.forEach((l,g)=>{if(l===null){u=!1;return}let p=r(t[g]??0)-o/2;d.push(`${u?"V":`M${a(p)} `}${a(n(l))}H${a(p+o)}`),u=!0});break}case"dots":e.values.forEach((u,l)=>{u!==null&&d.push(`M${a(r(t[l]??0))} ${a(n(u))}h0`)});break;case"line":{let u=!1;e.values.forEach((l,g)=>{if(l===null){u=!1;return}d.push(`${u?"L":"M"}${a(r(t[g]??0))} ${a(n(l))}`),u=!0});break}case"bars":{let u=Math.max(o*.7,.6),l=n(e.base??0);e.values.forEach((g,p)=>{if(g===null)return;let h=r(t[p]??0)-u/2;d.push(`M${a(h)} ${a(l)}V${a(n(g))}h${a(u)}V${a(l)}Z`)});break}case"band":{let u=[],l=()=>{if(u.length>0){let g=u.map(h=>`${a(r(t[h]??0))} ${a(n(e.high[h]??0))}`),p=u.map(h=>`${a(r(t[h]??0))} ${a(n(e.low[h]??0))}`).reverse();d.push(`M${g.join("L")}L${p.join("L")}Z`)}u=[]};e.low.forEach((g,p)=>{g===null||e.high[p]===null||e.high[p]===void 0?l():u.push(p)}),l();break}}return d.join("")}function Mn(e,t){let r=[];for(let n of e.layers){if(n.kind==="rule"||n.kind==="segment")continue;if(n.kind==="band"){let a=n.low[t],s=n.high[t];a!=null&&s!==null&&s!==void 0&&r.push(`${n.label}: ${e.tick(a)}–${e.value(s)}`);continue}let o=n.values[t];o!=null&&r.push(`${n.label}: ${e.value(o)}`)}return r}function Pn(e,t,r,n,o){let a=J("path",{class:"cursor-line"}),s=J("rect",{class:"cursor-box",rx:4}),d=J("text",{class:"cursor-text"}),u=J("g",{class:"cursor",visibility:"hidden","aria-hidden":"true"},a,s,d);e.append(u);let l=i("span",{class:"readout-text"}),g=i("button",{type:"button",class:"secondary small readout-edit",hidden:!0},"Edit this day");t.append(l,g);let p=-1,h=y=>{let v=0,R=r.days.length-1;for(;v<R;){let A=v+R>>1;(r.days[A]??0)<y?v=A+1:R=A}let E=v-1;return E>=0&&y-(r.days[E]??0)<(r.days[v]??0)-y?E:v},K=y=>{let v=r.days[y];if(v===void 0)return;p=y;let R=n.x(v);a.setAttribute("d",`M${R.toFixed(1)} ${F.top}V${n.height-F.bottom}`);let E=r.weekly?`Week of ${N(v-3)}`:N(v),A=[E,...Mn(r,y)];d.replaceChildren(...A.map((Y,oe)=>J("tspan",{x:0,dy:oe===0?0:Ft},Y)));let _=Math.max(...A.map(Y=>Y.length))*In+12,j=A.length*Ft+8,Z=R+8+_>n.width-F.right?Math.max(R-8-_,0):R+8;s.setAttribute("x",Z.toFixed(1)),s.setAttribute("y",String(F.top)),s.setAttribute("width",_.toFixed(1)),s.setAttribute("height",String(j)),d.setAttribute("transform",`translate(${(Z+6).toFixed(1)} ${F.top+15})`),u.setAttribute("visibility","visible"),l.textContent=`${A[0]??""}: ${A.slice(1).join("; ")||"no value"}`,g.hidden=o===null||r.weekly,g.setAttribute("aria-label",`Edit ${E}`),g.textContent=`Edit ${E}`},D=()=>{u.setAttribute("visibility","hidden")},w=y=>{if(r.days.length===0)return;let v=e.getBoundingClientRect(),R=(y-v.left)/v.width*n.width;K(h(r.start+Math.floor((R-F.left)/n.dayWidth)))},x=!1;e.addEventListener("pointerdown",y=>{x=!0,e.setPointerCapture(y.pointerId),w(y.clientX)}),e.addEventListener("pointermove",y=>w(y.clientX)),e.addEventListener("pointerup",()=>{x=!1}),e.addEventListener("pointercancel",()=>{x=!1}),e.addEventListener("pointerleave",y=>{!x&&y.pointerType==="mouse"&&D()}),e.addEventListener("focus",()=>K(p>=0?p:r.days.length-1)),e.addEventListener("blur",D),e.addEventListener("keydown",y=>{let v=r.days.length-1,E={ArrowLeft:Math.max(p-1,0),ArrowRight:Math.min(p+1,v),Home:0,End:v,PageUp:Math.max(p-7,0),PageDown:Math.min(p+7,v)}[y.key];E!==void 0?(y.preventDefault(),K(E)):y.key==="Enter"&&o!==null&&!r.weekly&&p>=0?(y.preventDefault(),o(N(r.days[p]??0))):y.key==="Escape"&&D()}),g.addEventListener("click",()=>{let y=r.days[p];o!==null&&y!==void 0&&o(N(y))})}function Ee(e){return e?.expenditureKcal===null||e?.expenditureKcal===void 0?null:{mid:e.expenditureKcal,low:e.expenditureLowKcal??null,high:e.expenditureHighKcal??null}}var Nt=400;function Ut(e){let t=[],r=[];return e.forEach((n,o)=>{let a=n-(re(n)-1);t.at(-1)!==a+3&&(t.push(a+3),r.push([])),r.at(-1)?.push(o)}),{middles:t,members:r}}function Wt(e,t){return t.map(r=>{let n=0,o=0;for(let a of r){let s=e[a];s!=null&&(n+=s,o+=1)}return o===0?null:n/o})}var he=3660,Fn=M(`
  query Series($start: Date!, $end: Date!) {
    kpis(start: $start, end: $end) {
      date
      weightTrend
      goalEtaDate
      targetKcalIn
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
      kcalIn
      steps
      sleepHours
    }
  }
`);async function Ve(e,t){let r=await Promise.all(me(N(e),N(t),he).map(([o,a])=>H(Fn,{start:o,end:a}))),n=[];for(let o of r){let a=new Map(o.dailyMetrics.map(s=>[s.date,s]));for(let s of o.kpis)n.push({day:V(s.date),date:s.date,kpi:s,metric:a.get(s.date),expenditure:Ee(s)})}return n}var Q=null;function Ln(e){if(Q===null)return;let t=e===null?-1/0:V(e);Q.days=Q.days.filter(r=>r.day<t),Q.end=Math.min(Q.end,t-1),Q.end<Q.start&&(Q=null)}async function Cn(e){let t=V(e.start),r=V(e.end),n=Q;if(n===null||r<n.start-1||t>n.end+1)Q={start:t,end:r,days:await Ve(t,r)};else{let[o,a]=await Promise.all([t<n.start?Ve(t,n.start-1):Promise.resolve([]),r>n.end?Ve(n.end+1,r):Promise.resolve([])]);if(Q===n)Q={start:Math.min(t,n.start),end:Math.max(r,n.end),days:[...o,...n.days,...a]};else return[...o,...n.days,...a].filter(s=>s.day>=t&&s.day<=r)}return Q.days.filter(o=>o.day>=t&&o.day<=r)}function Hn(e,t,r){let n=e.at(-1),o=n?.kpi.weightTrend??null,a=n?.kpi.goalEtaDate??null;if(n===void 0||t===null||o===null||a===null)return null;let s=V(a),d=Math.min(s,r+Math.max(r-(e[0]?.day??r),30)),u=o+(t-o)*(d-n.day)/(s-n.day);return{from:[n.day,o],to:[d,u],eta:a}}function Re(e){return e.filter(t=>t!==null).length}function Ie(e,t){for(let r=t.length-1;r>=0;r--){let n=t[r],o=e[r];if(n!=null&&o!==void 0)return[o.date,n]}return null}function B(e,t){return e.map(r=>t(r)??null)}function Nn(e,t,r){let n=se(r),o=V(e.start),a=V(e.end),s=a-o+1>Nt,d=s?Ut(t.map(m=>m.day)):null,u=m=>d===null?[...m]:Wt(m,d.members),l={start:o,end:a,days:d===null?t.map(m=>m.day):d.middles,weekly:s},g=B(t,m=>m.metric?.weightKg),p=B(t,m=>m.kpi.weightTrend),h=Ie(t,p),K=m=>m.map(te=>te===null?null:U(te,n)),D=r.goalWeightKg??null,w=Hn(t,D,a),x=w===null?a:Math.max(a,w.to[0]),y=[];D!==null&&y.push({kind:"rule",value:U(D,n),className:"c-goal",label:`Goal ${C(D,n)}`}),w!==null&&y.push({kind:"segment",from:[w.from[0],U(w.from[1],n)],to:[w.to[0],U(w.to[1],n)],className:"c-projection",label:`Projection to ${w.eta}`});let v=B(t,m=>m.metric?.kcalIn),R=B(t,m=>m.kpi.targetKcalIn),E=Ie(t,R),A=v.filter(m=>m!==null),_=A.length?A.reduce((m,te)=>m+te,0)/A.length:null,j=B(t,m=>m.expenditure?.mid),Z=B(t,m=>m.expenditure?.low),Y=B(t,m=>m.expenditure?.high),oe=Ie(t,j),c=B(t,m=>m.kpi.balanceKcal),$=B(t,m=>m.kpi.balance7dAvg),b=Ie(t,$),T=u(c),P=B(t,m=>m.metric?.steps),be=B(t,m=>m.kpi.steps7dAvg),we=P.filter(m=>m!==null&&m>=r.stepsGoal).length,ye=B(t,m=>m.metric?.sleepHours),Ce=B(t,m=>m.kpi.sleep7dAvg),ie=ye.filter(m=>m!==null),yn=ie.length?ie.reduce((m,te)=>m+te,0)/ie.length:null,de={tick:m=>I(m,"kcal"),value:m=>k(m,"kcal")},ve=(m,te)=>m===null?"none in this range":`${te(m[1])} on ${m[0]}`;return[{...l,end:x,id:"chart-weight",title:`Weight (${G(n)})`,tick:m=>I(m,"kg"),value:m=>`${I(m,"kg")} ${G(n)}`,layers:[{kind:"dots",values:K(u(g)),className:"c-weight",label:"Weigh-ins"},{kind:"line",values:K(u(p)),className:"c-trend",label:"Trend"},...y],summary:`${I(Re(g),"count")} weigh-ins. Trend: ${ve(h,m=>C(m,n))}.`+(D===null?"":` Goal ${C(D,n)}`+(w===null?", no projected date.":`, projected for ${w.eta}.`))},{...l,id:"chart-intake",title:"Intake and the week's target (kcal/day)",...de,layers:[{kind:"bars",values:u(v),className:"c-intake",label:"Intake"},{kind:"step",values:u(R),className:"c-target",label:"Target of the week"}],summary:`${I(A.length,"count")} days with intake, average ${k(_,"kcal")}. Target: ${ve(E,de.value)}.`},{...l,id:"chart-expenditure",title:"Expenditure (kcal/day)",...de,layers:[{kind:"band",low:u(Z),high:u(Y),className:"c-band",label:"80 % interval"},{kind:"line",values:u(j),className:"c-expenditure",label:"Estimate"}],summary:`${I(Re(j),"count")} days with an estimate. Latest: ${ve(oe,de.value)}.`},{...l,id:"chart-balance",title:"Profile-formula balance (kcal/day)",...de,layers:[{kind:"bars",values:T.map(m=>m!==null&&m<0?m:null),className:"c-deficit",label:"Deficit"},{kind:"bars",values:T.map(m=>m!==null&&m>=0?m:null),className:"c-surplus",label:"Surplus"},{kind:"line",values:u($),className:"c-average",label:"7-day average"},{kind:"rule",value:r.balanceGoalKcal,className:"c-goal",label:`Goal ${k(r.balanceGoalKcal,"kcal")}`}],summary:`${I(Re(c),"count")} days with a balance. 7-day average: ${ve(b,de.value)}.`},{...l,id:"chart-steps",title:"Steps",tick:m=>I(m,"steps"),value:m=>`${I(m,"steps")} steps`,layers:[{kind:"bars",values:u(P),className:"c-steps",label:"Steps"},{kind:"line",values:u(be),className:"c-average",label:"7-day average"},{kind:"rule",value:r.stepsGoal,className:"c-goal",label:`Goal ${k(r.stepsGoal,"steps")}`}],summary:`${I(Re(P),"count")} days with steps, ${I(we,"count")} at or above the goal of ${k(r.stepsGoal,"steps")}.`},{...l,id:"chart-sleep",title:"Sleep (hours)",tick:m=>I(m,"hours"),value:m=>k(m,"hours"),layers:[{kind:"dots",values:u(ye),className:"c-sleep",label:"Nights"},{kind:"line",values:u(Ce),className:"c-average",label:"7-day average"},{kind:"rule",value:r.sleepTargetHours,className:"c-goal",label:`Target ${k(r.sleepTargetHours,"hours")}`}],summary:`${I(ie.length,"count")} nights logged, average ${k(yn,"hours")} against the target of ${k(r.sleepTargetHours,"hours")}.`}]}function Gt(e){let t=i("figure",{class:"chart"});e.append(t);let r=getComputedStyle(t),n=t.clientWidth-parseFloat(r.paddingLeft)-parseFloat(r.paddingRight);return t.remove(),Math.floor(n)}var Ke=0,Se=null,qt=null;function _t(e){qt=e}function Vt(e,t){let r=Gt(e);S(e,...t.map(n=>Ht(n,r,qt))),Se={specs:t,width:r}}var Ot=0;addEventListener("resize",()=>{clearTimeout(Ot),Ot=window.setTimeout(()=>{let e=document.getElementById("charts");Se===null||e===null||Math.abs(Gt(e)-Se.width)>4&&Vt(e,Se.specs)},150)});async function Bt(e,t,r=null){let n=++Ke,o=f("charts"),a=f("charts-status");r!==null&&Ln(r==="all"?null:r),o.setAttribute("aria-busy","true"),a.textContent=`Loading ${e.start} to ${e.end}…`;try{let s=await Cn(e);if(n!==Ke)return;performance.mark("charts-data"),Vt(o,Nn(e,s,t)),a.textContent=`${I(s.length,"count")} logged days from ${e.start} to ${e.end}.`,await new Promise(d=>requestAnimationFrame(()=>setTimeout(d,0))),performance.mark("charts-drawn"),o.dataset.range=`${e.start}..${e.end}`}catch(s){n===Ke&&(a.textContent=`Could not load the charts: ${L(s)}`)}finally{n===Ke&&o.removeAttribute("aria-busy")}}var Un=["latest-section","recent-section","charts-section","summaries-section"];function Qt(e){f("empty").hidden=!e;for(let t of Un)f(t).hidden=e}var ta=M(`
  fragment EntryFields on DailyMetric {
    date
    weightKg
    kcalIn
    steps
    sleepHours
  }
`),Wn=M(`
  query DayEntry($day: Date!) {
    dailyMetrics(start: $day, end: $day) {
      ...EntryFields
    }
  }
`),On=M(`
  mutation SaveDay($input: DailyMetricInput!) {
    upsertDailyMetric(input: $input) {
      ...EntryFields
    }
  }
`),Gn=M(`
  mutation DeleteDay($day: Date!) {
    deleteDailyMetrics(start: $day, end: $day)
  }
`),pe=e=>e,Te=[{key:"weightKg",noun:"Weight",label:e=>`Weight (${G(e)})`,range:xe,whole:!1,unit:G,toApi:ke,fromApi:U,digits:1},{key:"kcalIn",noun:"Intake",label:()=>"Intake (kcal)",range:()=>({min:0,max:2e4}),whole:!1,unit:()=>"kcal",toApi:pe,fromApi:pe,digits:0},{key:"steps",noun:"Steps",label:()=>"Steps",range:()=>({min:0,max:1e5}),whole:!0,unit:()=>"steps",toApi:pe,fromApi:pe,digits:0},{key:"sleepHours",noun:"Sleep",label:()=>"Sleep (hours)",range:()=>({min:0,max:24}),whole:!1,unit:()=>"h",toApi:pe,fromApi:pe,digits:2}];function jt(){let e=new Date,t=r=>String(r).padStart(2,"0");return`${e.getFullYear()}-${t(e.getMonth()+1)}-${t(e.getDate())}`}function Be(e){let t=e.trim().replace(",",".");return/^[+-]?(\d+\.?\d*|\.\d+)$/.test(t)?Number(t):NaN}function qn(e,t){return String(Number(e.toFixed(t)))}function Zt(e,t,r){let n=t,o=null,a="",s=i("input",{type:"date",id:"entry-date",name:"date",required:!0,max:jt()}),d=new Map,u=new Map,l=new Map,g=c=>{let $=`entry-${c.key}`,b=i("input",{type:"text",inputmode:c.whole?"numeric":"decimal",id:$,name:c.key,autocomplete:"off","aria-describedby":`${$}-error`}),T=i("label",{for:$},c.label(n)),P=i("p",{class:"field-error",id:`${$}-error`});return d.set(c.key,b),u.set(c.key,P),l.set(c.key,T),b.addEventListener("input",()=>{j.add(c.key),P.textContent="",b.removeAttribute("aria-invalid")}),i("div",{class:`field field-${c.key}`},T,b,P)},[p,...h]=Te,K=p===void 0?null:g(p),D=i("details",{class:"entry-more"},i("summary",{},"Intake, steps, sleep"),i("div",{class:"entry-more-fields"},...h.map(g))),w=i("button",{type:"submit",id:"entry-save"},"Save"),x=i("button",{type:"button",id:"entry-delete",class:"secondary",hidden:!0},"Delete this day"),y=i("button",{type:"button",id:"entry-delete-confirm",class:"danger",hidden:!0},"Delete"),v=i("button",{type:"button",id:"entry-delete-keep",class:"secondary",hidden:!0},"Keep it"),R=i("p",{id:"entry-status",class:"status",role:"status"}),E=i("form",{id:"entry-form",class:"entry-form",novalidate:!0,"aria-labelledby":"entry-title"},i("div",{class:"entry-row"},i("div",{class:"field field-date"},i("label",{for:"entry-date"},"Day"),s),K),D,i("div",{class:"actions"},w,x,y,v),R);S(e,E);let A=()=>{for(let[c,$]of u)$.textContent="",d.get(c)?.removeAttribute("aria-invalid")},_=(c,$)=>{let b=u.get(c),T=d.get(c);b===void 0||T===void 0||(c!=="weightKg"&&(D.open=!0),b.textContent=$,T.setAttribute("aria-invalid","true"))},j=new Set,Z=(c,$=!1)=>{o=c;for(let b of Te){let T=c?.[b.key],P=d.get(b.key);$&&j.has(b.key)||(j.delete(b.key),P!==void 0&&(P.value=T==null?"":qn(b.fromApi(T,n),b.digits)))}x.hidden=c===null,y.hidden=!0,v.hidden=!0},Y=async(c,$)=>{a=c,A(),R.textContent="";try{let b=await H(Wn,{day:c});if(a!==c)return;Z(b.dailyMetrics[0]??null,$),R.textContent=b.dailyMetrics[0]===void 0?`Nothing logged on ${c} yet.`:`${c} as stored.`}catch(b){a===c&&(R.textContent=`Could not load ${c}: ${L(b)}`)}},oe=()=>{let c={date:s.value},$=!0;for(let b of Te){let T=d.get(b.key)?.value??"";if(T.trim()===""){o!==null&&o[b.key]!==null&&(c[b.key]=null);continue}let P=Be(T),{min:be,max:we}=b.range(n),ye=b.digits===0?"count":"kg",Ce=`from ${I(be,ye)} to ${I(we,ye)} ${b.unit(n)}`,ie=`${b.noun} must be ${b.whole?"a whole number ":""}${Ce}.`;Number.isNaN(P)?(_(b.key,`"${T}" is not a number. ${ie}`),$=!1):P<be||P>we||b.whole&&!Number.isInteger(P)?(_(b.key,`Out of range. ${ie}`),$=!1):c[b.key]=b.toApi(P,n)}return $?c:null};return E.addEventListener("submit",c=>{if(c.preventDefault(),A(),!ce(s.value)){R.textContent="Choose a day first.";return}let $=oe();if($===null){R.textContent="Not saved: correct the marked field.";return}let b=s.value;w.disabled=!0,R.textContent="Saving…",performance.mark("entry-save"),H(On,{input:$}).then(T=>{a===b&&Z(T.upsertDailyMetric),R.textContent=`Saved ${b}.`,r(b,"saved")}).catch(T=>{let P=T instanceof X?T.field:null;P!==null&&d.has(P)&&_(P,T instanceof Error?T.message:String(T)),R.textContent=`Not saved: ${L(T)}`}).finally(()=>{w.disabled=!1})}),x.addEventListener("click",()=>{x.hidden=!0,y.hidden=!1,v.hidden=!1,y.textContent=`Delete ${s.value} and all its values`,y.focus()}),v.addEventListener("click",()=>{x.hidden=!1,y.hidden=!0,v.hidden=!0,x.focus()}),y.addEventListener("click",()=>{let c=s.value;y.disabled=!0,R.textContent="Deleting…",H(Gn,{day:c}).then($=>{Z(null),R.textContent=$.deleteDailyMetrics>0?`Deleted ${c}.`:`Nothing was logged on ${c}.`,r(c,"deleted")}).catch($=>{R.textContent=`Not deleted: ${L($)}`,v.hidden=!0,y.hidden=!0,x.hidden=!1}).finally(()=>{y.disabled=!1})}),s.addEventListener("change",()=>{ce(s.value)&&Y(s.value,!0)}),s.value=jt(),Y(s.value,!0),{open(c){s.value=c,Y(c,!1),E.scrollIntoView({block:"start"}),d.get("weightKg")?.focus({preventScroll:!0})},setUnit(c){if(c!==n){n=c;for(let $ of Te){let b=l.get($.key);b!==void 0&&(b.textContent=$.label(n))}Z(o)}}}}var Ae=.1,Qe=.05;function Yt(e,t,r,n){return e!=null?{kind:"date",date:e}:t==null?{kind:"no-goal"}:r==null?{kind:"no-rate"}:Math.abs(t-r)<=Ae?{kind:"reached"}:n==null?{kind:"no-rate"}:n===0||Math.sign(n)!==Math.sign(t-r)?{kind:"moving-away"}:Math.abs(n)<Qe?{kind:"too-slow"}:{kind:"too-far"}}var Jt=[1,7,14,30];function Xt(e,t,r){let n=e.get(t)??null,o=e.get(ne(t,-r))??null;return n===null||o===null?null:n-o}function zt(e){return ne(e,1-re(V(e)))}var je=14;function en(e,t,r,n,o){let a=f("recent-table"),s=new Map(r.map(l=>[l.date,l.weightTrend??null])),d=[...t].reverse().map(l=>{let g=s.get(l.date)??null,p=l.weightKg??null,h=p===null||g===null?null:p-g,K=i("button",{type:"button",class:"secondary small","aria-label":`Edit ${l.date}`},"Edit");return K.addEventListener("click",()=>o(l.date)),i("tr",{"data-date":l.date},i("th",{scope:"row"},i("span",{class:"year"},l.date.slice(0,5)),l.date.slice(5)),i("td",{"data-label":"Scale"},C(p,n)),i("td",{"data-label":"Trend"},C(g,n)),i("td",{"data-label":"Difference"},h===null?"—":C(h,n,!0)),i("td",{},K))}),u=G(n);S(a,i("caption",{},`The last ${je} days to ${e}, newest first (${u})`),i("thead",{},i("tr",{},...["Day","Scale","Trend"].map(l=>i("th",{scope:"col"},l)),i("th",{scope:"col"},i("span",{class:"long"},"Difference"),i("span",{class:"short","aria-hidden":"true"},"Diff.")),i("th",{scope:"col"},i("span",{class:"visually-hidden"},"Edit")))),i("tbody",{},...d))}var _n=30,Vn=M(`
  query LatestDay($day: Date!, $since: Date!, $monday: Date!) {
    recent: dailyMetrics(start: $since, end: $day) {
      date
      weightKg
      kcalIn
    }
    recentKpis: kpis(start: $since, end: $day) {
      date
      weightTrend
    }
    kpis(start: $day, end: $day) {
      weightTrend
      weightTrendChange7d
      weightRateKgPerWeek
      goalEtaDate
      targetKcalIn
      energyBalanceKcal
      energyBalance7dAvg
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
      weightKg
      steps
      sleepHours
    }
    week: kpiSummary(start: $monday, end: $day, period: WEEK) {
      kcalInAvg
    }
  }
`);function W(e,t,r,n,o=!1){let a=o?"value missing":typeof r=="string"?"value":"value changes-value";return i("div",{class:"figure","data-figure":e},i("dt",{},t),i("dd",{class:a},r),n===null?null:i("dd",{class:"detail"},n))}function Bn(e){if(e===null)return W("expenditure","Expenditure","No estimate","Too little intake and weight data yet, or too uncertain",!0);let t=e.low===null||e.high===null?"no interval":`80 % interval ${I(e.low,"kcal")}–${k(e.high,"kcal")}`;return W("expenditure","Expenditure",k(e.mid,"kcal"),`a day; ${t}`,e.mid===null)}function Qn(e,t,r,n){let o=Jt.map(a=>i("span",{class:"change","data-since":a},i("span",{class:"amount"},qe(a===7?r:Xt(e,t,a),n,!0)),i("span",{class:"span"},a===1?"1 day":`${a} days`)));return W("changes",`Trend change (${G(n)})`,i("span",{class:"changes"},...o),null)}function jn(e,t){switch(e.kind){case"date":return[e.date,"at the current rate"];case"no-goal":return["No goal","set one under Profile"];case"no-rate":return["Not yet","the rate needs 8 days of trend"];case"reached":return["Reached",`the trend is within ${C(Ae,t)} of it`];case"moving-away":return["Moving away","the trend moves away from the goal"];case"too-slow":return["Too slow",`slower than ${I(U(Qe,t),"rate")} ${G(t)} a week: no date`];case"too-far":return["Over 5 years","away at this rate"]}}function Zn(e,t,r){let n=t.goalWeightKg??null,o=e?.weightTrend??null,a=Yt(e?.goalEtaDate,n,o,e?.weightRateKgPerWeek),[s,d]=jn(a,r),u;if(n===null)u=W("to-go","To go","No goal","set one under Profile",!0);else if(o===null)u=W("to-go","To go","—",`goal ${C(n,r)}; no trend yet`,!0);else{let l=n-o,g=Math.abs(l)<=Ae?"reached":l<0?"to lose":"to gain";u=W("to-go","To go",C(Math.abs(l),r),`${g}, to ${C(n,r)}`)}return[u,W("eta","Goal date",s,d,a.kind!=="date")]}function Yn(e,t,r){let n=e?.targetKcalIn??null,o=t===null?"nothing eaten logged since Monday":`eaten ${k(t,"kcal")} a day over ${r} ${r===1?"day":"days"} since Monday`+(n===null?"":` (${k(t-n,"kcal",!0)})`);return n===null?W("intake","Target this week","No target",`no expenditure the week before; ${o}`,!0):W("intake","Target this week",k(n,"kcal"),`a day; ${o}`)}async function Ze(e,t,r){let n=f("headline");f("headline-day").textContent=e;try{let o=zt(e),a=await H(Vn,{day:e,since:ne(e,-_n),monday:o}),s=se(t),d=ne(e,1-je);en(e,a.recent.filter(D=>D.date>=d),a.recentKpis,s,r);let u=new Map(a.recentKpis.map(D=>[D.date,D.weightTrend??null])),l=a.kpis[0],g=a.dailyMetrics[0],p=g?.weightKg===null||g?.weightKg===void 0,h=a.recent.filter(D=>D.date>=o&&D.kcalIn!==null&&D.kcalIn!==void 0).length,K=t.goalRateKgPerWeek??null;S(n,W("scale-weight","Scale weight",C(g?.weightKg,s),p?`no weigh-in on ${e}`:`on ${e}`,p),W("weight-trend","Weight trend",C(l?.weightTrend,s),`${C(l?.weightTrendChange7d,s,!0)} in 7 days`),W("rate","Rate",_e(l?.weightRateKgPerWeek,s),`over 14 days; ${K===null?"no planned rate":`plan ${_e(K,s)}`}`,l?.weightRateKgPerWeek===null||l?.weightRateKgPerWeek===void 0),Qn(u,e,l?.weightTrendChange7d??null,s),...Zn(l,t,s),Yn(l,a.week[0]?.kcalInAvg??null,h),Bn(Ee(l)),W("energy-balance","Energy balance",k(l?.energyBalance7dAvg,"kcal",!0),`a day, 7-day average of intake − expenditure; ${k(l?.energyBalanceKcal,"kcal",!0)} on the day`),W("steps","Steps",k(g?.steps,"steps"),`7-day average ${k(l?.steps7dAvg,"steps")}; goal ${k(t.stepsGoal,"steps")}`),W("sleep","Sleep",k(g?.sleepHours,"hours"),`7-day average ${k(l?.sleep7dAvg,"hours")}; target ${k(t.sleepTargetHours,"hours")}`),W("protein","Protein",k(l?.proteinPerKg,"perKg"),`target ${k(t.proteinTargetGPerKg,"perKg")}`),W("balance","Profile-formula balance",k(l?.balance7dAvg,"kcal",!0),`a day over ${l?.balance7dDays??0} of 7 days, intake − BMR × activity; goal ${k(t.balanceGoalKcal,"kcal",!0)}`)),requestAnimationFrame(()=>setTimeout(()=>performance.mark("first-screen-drawn"),0))}catch(o){S(n,i("p",{role:"alert"},`Could not load the latest day: ${L(o)}`))}}var tn={min:-1.5,max:1};function nn(e,t,r,n){if(e.trim()==="")return null;let o=Be(e),a=`from ${String(r.min)} to ${String(r.max)} ${G(t)}`;return Number.isNaN(o)||o<r.min||o>r.max?`${n} must be ${a}.`:ke(o,t)}function Jn(e,t,r){return e===null?"":String(Number(U(e,t).toFixed(r)))}var ka=M(`
  fragment ProfileFields on Profile {
    sex
    birthDate
    heightCm
    activityFactor
    stepsGoal
    proteinTargetGPerKg
    balanceGoalKcal
    sleepTargetHours
    goalWeightKg
    goalRateKgPerWeek
    weightUnit
    timeZone
    isDefault
  }
`),Xn=M(`
  mutation UpdateProfile($input: ProfileInput!) {
    updateProfile(input: $input) {
      ...ProfileFields
    }
  }
`),Ye=[{key:"heightCm",label:"Height (cm)",step:"0.1",min:"50",max:"272"},{key:"activityFactor",label:"Activity factor",step:"0.01",min:"1",max:"2.5"},{key:"stepsGoal",label:"Steps goal (steps a day)",step:"1",min:"0"},{key:"proteinTargetGPerKg",label:"Protein target (g per kg)",step:"0.1",min:"0"},{key:"balanceGoalKcal",label:"Balance goal (kcal a day)",step:"1"},{key:"sleepTargetHours",label:"Sleep target (hours)",step:"0.1",min:"0",max:"24"}];function le(e,t,r){let n=i("p",{class:"field-error",id:`${e}-error`});return r.setAttribute("aria-describedby",`${e}-error`),r.addEventListener("input",()=>{n.textContent="",r.removeAttribute("aria-invalid")}),i("div",{class:"field"},i("label",{for:e},t),r,n)}function Je(e,t){let r=document.getElementById(`profile-${e}`),n=document.getElementById(`profile-${e}-error`);return r===null||n===null?!1:(n.textContent=t,r.setAttribute("aria-invalid","true"),!0)}function rn(e,t){let r=i("select",{id:"profile-sex",name:"sex"},i("option",{value:"MALE",selected:e.sex==="MALE"},"Male"),i("option",{value:"FEMALE",selected:e.sex==="FEMALE"},"Female")),n=i("input",{type:"date",id:"profile-birthDate",name:"birthDate",value:e.birthDate??""}),o=Ye.map(w=>i("input",{type:"number",id:`profile-${w.key}`,name:w.key,step:w.step,min:w.min,max:w.max,required:w.key!=="heightCm",value:e[w.key]??""})),a=e.weightUnit,s=G(a),d=i("select",{id:"profile-weightUnit",name:"weightUnit"},i("option",{value:"KG",selected:a==="KG"},"Kilograms (kg)"),i("option",{value:"LB",selected:a==="LB"},"Pounds (lb)")),u=i("input",{type:"text",id:"profile-timeZone",name:"timeZone",value:e.timeZone,autocomplete:"off",placeholder:Intl.DateTimeFormat().resolvedOptions().timeZone}),l=(w,x)=>i("input",{type:"text",inputmode:"decimal",id:`profile-${w}`,name:w,value:Jn(e[w]??null,a,x)}),g=l("goalWeightKg",1),p=l("goalRateKgPerWeek",2),h={min:Math.ceil(U(tn.min,a)*100)/100,max:Math.floor(U(tn.max,a)*100)/100},K=f("profile-status"),D=i("form",{id:"profile-form",class:"profile-form",novalidate:!0},e.isDefault?i("p",{class:"note"},"This is the default profile: enter your own so the KPIs fit you."):null,i("div",{class:"fields"},le("profile-sex","Sex (for the BMR formula)",r),le("profile-birthDate","Birth date",n),...Ye.map((w,x)=>le(`profile-${w.key}`,w.label,o[x]??i("input"))),le("profile-weightUnit","Weight unit",d),le("profile-goalWeightKg",`Goal weight (${s}; empty: none)`,g),le("profile-goalRateKgPerWeek",`Rate (${s} a week, negative to lose)`,p),le("profile-timeZone","Time zone (IANA name)",u)),i("button",{type:"submit"},"Save profile"));D.addEventListener("submit",w=>{w.preventDefault();let x={sex:r.value,birthDate:n.value===""?null:n.value};Ye.forEach((E,A)=>{let _=o[A]?.value??"";x[E.key]=_===""?null:Number(_)});for(let E of D.querySelectorAll(".field-error"))E.textContent="";for(let E of D.querySelectorAll("[aria-invalid]"))E.removeAttribute("aria-invalid");x.weightUnit=d.value,x.timeZone=u.value.trim();let y=nn(g.value,a,xe(a),"The goal weight"),v=nn(p.value,a,h,"The rate");if([typeof y=="string"&&Je("goalWeightKg",y),typeof v=="string"&&Je("goalRateKgPerWeek",v)].some(Boolean)){K.textContent="Not saved: correct the marked field.";return}x.goalWeightKg=y,x.goalRateKgPerWeek=v,K.textContent="Saving and recomputing the KPIs…",H(Xn,{input:x}).then(()=>{K.textContent="Saved.",t()}).catch(E=>{let A=E instanceof X&&E.field!==null&&Je(E.field,E.message);K.textContent=A?"Not saved: correct the marked field.":`Not saved: ${L(E)}`})}),S(f("profile"),D)}var Me=[{value:"30",label:"30 days",days:30},{value:"90",label:"90 days",days:90},{value:"365",label:"1 year",days:365},{value:"all",label:"All",days:null},{value:"custom",label:"Custom",days:null}];function an(){let e=new URLSearchParams(location.hash.slice(1)).get("range")??"90",t=/^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(e);return t?.[1]!==void 0&&t[2]!==void 0?{choice:"custom",custom:{start:t[1],end:t[2]}}:{choice:Me.find(n=>n.value===e&&n.value!=="custom")?.value??"90",custom:null}}var ee=null,ae={first:"",last:""},z="90",Pe=null,on=()=>{};function zn(e){let t=Me.find(r=>r.value===e);return e==="all"?{start:ae.first,end:ae.last}:t?.days?{start:ne(ae.last,1-t.days),end:ae.last}:Pe??{start:ae.first,end:ae.last}}function Fe(){if(ee===null)return;let e=zn(z);ee.customForm.hidden=z!=="custom",ee.message.textContent="",ee.from.value=e.start,ee.to.value=e.end;let t=z==="custom"?`${e.start}..${e.end}`:z;history.replaceState(null,"",`#range=${t}`),on(e)}function er(){let e=i("input",{type:"date",id:"range-from",name:"from",required:!0}),t=i("input",{type:"date",id:"range-to",name:"to",required:!0}),r=i("p",{class:"form-error",role:"alert"}),n=i("form",{id:"range-custom-form",class:"range-custom",novalidate:!0},i("label",{for:"range-from"},"From"),e,i("label",{for:"range-to"},"To"),t,i("button",{type:"submit"},"Show"),r),o=Me.map(s=>i("input",{type:"radio",name:"range",value:s.value,id:`range-${s.value}`,checked:s.value===z})),a=i("fieldset",{class:"range-presets"},i("legend",{},"Range"),...Me.map((s,d)=>i("span",{class:"choice"},o[d],i("label",{for:`range-${s.value}`},s.label))));for(let s of o)s.addEventListener("change",()=>{if(s.value==="custom"){n.hidden=!1,e.focus();return}z=s.value,Fe()});return n.addEventListener("submit",s=>{s.preventDefault();let{first:d,last:u}=ae;!ce(e.value)||!ce(t.value)?r.textContent="Enter both dates.":e.value>t.value?r.textContent="The start date must not be after the end date.":e.value>u||t.value<d?r.textContent=`Nothing is logged then: choose days from ${d} to ${u}.`:(Pe={start:e.value<d?d:e.value,end:t.value>u?u:t.value},z="custom",Fe())}),S(f("range"),a,n),{from:e,to:t,message:r,customForm:n}}function sn(e,t,r){if(ae={first:e,last:t},on=r,ee===null){let n=an();z=n.choice,Pe=n.custom,ee=er(),addEventListener("hashchange",()=>{if(!location.hash.includes("range="))return;let o=an();z=o.choice,Pe=o.custom;let a=document.getElementById(`range-${z}`);a instanceof HTMLInputElement&&(a.checked=!0),Fe()})}for(let n of[ee.from,ee.to])n.min=e,n.max=t;Fe()}var tr=M(`
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
`),nr=e=>[["Days logged",t=>I(t.daysLogged,"count")],["Weight",t=>C(t.weightAvg,e)],["Trend at end",t=>C(t.weightTrendEnd,e)],["Profile-formula balance a day",t=>k(t.balanceAvg,"kcal",!0)],["Steps a day",t=>k(t.stepsAvg,"steps")],["Steps goal met",t=>k(t.stepsGoalRate,"percent")],["Protein",t=>k(t.proteinPerKgAvg,"perKg")],["Sleep",t=>k(t.sleepAvg,"hours")]];function rr(e){return e==="WEEK"?t=>re(t)===1:t=>N(t).endsWith("-01")}var ze=null,ln="KG",Xe=0;async function un(e,t){let r=++Xe,n=f("summaries-table"),o=f("summaries-status");try{let a=await Promise.all(me(e.start,e.end,he,rr(t)).map(([l,g])=>H(tr,{start:l,end:g,period:t})));if(r!==Xe)return;let s=a.flatMap(l=>l.kpiSummary).reverse(),d=t==="WEEK"?"Week":"Month",u=nr(ln);S(n,i("caption",{},`${d}s from ${e.start} to ${e.end}, newest first`),i("thead",{},i("tr",{},i("th",{scope:"col"},d),...u.map(([l])=>i("th",{scope:"col"},l)))),i("tbody",{},...s.map(l=>i("tr",{},i("th",{scope:"row"},`${l.periodStart} – ${l.periodEnd}`),...u.map(([,g])=>i("td",{},g(l))))))),o.textContent=""}catch(a){r===Xe&&(o.textContent=`Could not load the summaries: ${L(a)}`)}}function dn(){return f("period-month").checked?"MONTH":"WEEK"}function cn(e,t){ze=e,ln=t,un(e,dn())}function mn(){for(let e of["period-week","period-month"])f(e).addEventListener("change",()=>{ze!==null&&un(ze,dn())})}var Le=!0,Wa=M(`
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
`),ar=M(`
  query Ingestions($limit: Int!) {
    ingestions(limit: $limit) {
      ...ReportFields
    }
  }
`),or=M(`
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
`),ir=20,et={APPLIED:"Applied",REJECTED:"Rejected",UNCHANGED:"Unchanged"},sr={AUTO:"detected",HUB:"Health Metrics Hub CSV",MYFITNESSPAL:"MyFitnessPal",CRONOMETER:"Cronometer",WITHINGS:"Withings",GARMIN:"Garmin",GOOGLE_FIT:"Google Fit",FITBIT:"Fitbit",OURA:"Oura",WHOOP:"WHOOP",RENPHO:"Renpho",APPLE_HEALTH:"Apple Health",UNKNOWN:"not recognised"};function q(e){return I(e,"count")}function tt(e){let t=[["Rows read",q(e.rowsRead)],["New days",q(e.rowsInserted)],["Updated days",q(e.rowsUpdated)],["Unchanged days",q(e.rowsUnchanged)],["Rejected rows",q(e.rowsRejected)],["Deleted days",q(e.rowsDeleted)],["Dates",e.firstDate===null?"—":`${e.firstDate} – ${e.lastDate??""}`],["KPI days recomputed",q(e.kpiDaysRecomputed)]],r=e.errors.length;return i("div",{class:"report"},i("dl",{class:"counts"},...t.map(([n,o])=>i("div",{},i("dt",{},n),i("dd",{},o)))),i("p",{},`Format: ${sr[e.source]}. Columns: `,e.columns.length?e.columns.join(", "):"none recognised"),e.warnings.length>0&&i("div",{class:"warnings"},i("h4",{},`Warnings (${e.warnings.length})`),i("ul",{},...e.warnings.map(n=>i("li",{},n)))),e.errorCount>0&&i("table",{class:"errors"},i("caption",{},r<e.errorCount?`Errors: the first ${q(r)} of ${q(e.errorCount)}`:`Errors (${q(e.errorCount)})`),i("thead",{},i("tr",{},...["Row","Column","Value","Message"].map(n=>i("th",{scope:"col"},n)))),i("tbody",{},...e.errors.map(n=>i("tr",{},i("td",{},n.row===null?"—":String(n.row)),i("td",{},n.column??"—"),i("td",{},i("code",{},n.value??"")),i("td",{},n.message))))))}function lr(e){let t=e.filename??"(no file name)";return`${De(e.createdAt)} · ${t} · ${et[e.status]} · ${q(e.rowsRead)} rows read, ${q(e.errorCount)} errors`}async function nt(){let e=f("history");try{let{ingestions:t}=await H(ar,{limit:ir});if(t.length===0){S(e,i("p",{},"No uploads yet."));return}S(e,...t.map(r=>i("details",{class:`ingestion status-${r.status}`,"data-id":r.id},i("summary",{},lr(r)),tt(r))))}catch(t){S(e,i("p",{role:"alert"},`Could not load the upload history: ${L(t)}`))}}function pn(e){let t=f("upload-form"),r=f("upload-file"),n=f("upload-policy"),o=f("upload-date-order"),a=f("upload-submit"),s=f("upload-result");a.textContent=Le?"Preview":"Upload";let d=(p,h)=>pt(or,{file:p,onInvalidRow:n.value,dateOrder:o.value,dryRun:h}).then(K=>K.importFile),u=p=>{S(s,i("h3",{},`${et[p.status]}: ${p.filename??""}`),tt(p)),p.status==="APPLIED"?e():nt()},l=p=>{S(s,i("p",{role:"status"},Le?"Checking the file…":"Uploading…")),d(p,Le).then(h=>Le?g(p,h):u(h),h=>S(s,i("p",{role:"alert"},`Not uploaded: ${L(h)}`)))},g=(p,h)=>{let K=i("button",{type:"button",id:"upload-apply",disabled:h.status==="REJECTED"},"Apply"),D=h.status==="REJECTED"&&n.value==="REJECT_FILE"&&h.rowsRejected>0&&h.rowsRejected<h.rowsRead,w=i("button",{type:"button",id:"upload-skip"},`Skip the ${q(h.rowsRejected)} invalid rows and preview again`);w.addEventListener("click",()=>{n.value="SKIP_ROW",l(p)});let x=i("button",{type:"button",class:"secondary"},"Cancel");K.addEventListener("click",()=>{K.disabled=!0,S(s,i("p",{role:"status"},"Applying…")),d(p,!1).then(u,y=>{S(s,i("p",{role:"alert"},`Not applied: ${L(y)}`))})}),x.addEventListener("click",()=>S(s)),S(s,i("h3",{},`Preview: ${p.name} would be ${et[h.status].toLowerCase()}`),i("p",{},"Nothing is stored yet."),tt(h),D&&i("p",{},`${q(h.rowsRead-h.rowsRejected)} of ${q(h.rowsRead)} rows are valid.`),i("div",{class:"actions"},D&&w,K,x))};t.addEventListener("submit",p=>{p.preventDefault();let h=r.files?.[0];if(h===void 0){S(s,i("p",{role:"alert"},"Choose a file first."));return}l(h)}),r.addEventListener("change",()=>S(s))}var ur=M(`
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
`),rt=null,ue=null,gn=null,at=e=>rt?.open(e);function dr(e){let t=gn;if(ue===null||t===null){ge(e);return}let r=e>ue.last?e:ue.last;Ze(r,t,at).then(()=>ge(e,r))}async function ge(e,t=null){let r=f("page-status");try{let{dataRange:n,profile:o}=await H(ur),a=se(o);gn=o,(e===null||e==="all")&&(rn(o,()=>{ge("all")}),nt()),rt??=Zt(f("entry"),a,(u,l)=>l==="saved"?dr(u):void ge(u)),rt.setUnit(a);let{firstDate:s,lastDate:d}=n;Qt(s===null||d===null),ue=s===null||d===null?null:{first:s,last:d},f("download-csv").hidden=ue===null,s!==null&&d!==null?(f("days-logged").textContent=`${I(n.daysLogged,"count")} days logged, ${s} to ${d}`,d!==t&&Ze(d,o,at),cr(s,d,o,e)):f("days-logged").textContent="Nothing logged yet",r.textContent="",f("forget-token").hidden=fe()===null,document.body.dataset.loaded="true"}catch(n){r.textContent=`Could not reach the API: ${L(n)}`}}function cr(e,t,r,n){let o=n;sn(e,t,a=>{Bt(a,r,o),o=null,cn(a,se(r))})}function mr(){f("log-link").addEventListener("click",e=>{e.preventDefault(),f("today-section").scrollIntoView({block:"start"}),document.getElementById("entry-weightKg")?.focus({preventScroll:!0})}),f("forget-token").addEventListener("click",()=>{st(),$e().then(()=>location.reload())}),f("download-csv").addEventListener("click",()=>{if(ue===null)return;let{first:e,last:t}=ue,r=f("download-status");r.textContent="Preparing the file…",St(e,t,he).then(n=>{Tt(n,`healthhub-${e}-to-${t}.csv`),r.textContent=`Downloaded the days from ${e} to ${t}.`},n=>{r.textContent=`Could not download: ${L(n)}`})}),ct(e=>{let t=f("offline-status");t.hidden=e===null,e!==null&&(t.textContent=`Offline: the figures as last loaded, ${De(e)}. Changes need the network.`)})}_t(at);mr();mn();pn(()=>{ge("all")});ot();ge(null);
