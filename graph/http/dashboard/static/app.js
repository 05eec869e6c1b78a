var cn="/assets/sw.js";function et(){"serviceWorker"in navigator&&navigator.serviceWorker.register(cn,{scope:"/"}).catch(()=>{})}async function ge(){if(!("caches"in window))return;let e=await caches.keys();await Promise.all(e.filter(t=>t.startsWith("healthhub-figures")).map(t=>caches.delete(t)))}function Se(e,t,n){for(let[r,a]of Object.entries(t))a==null||a===!1||e.setAttribute(r,a===!0?"":String(a));for(let r of n)r==null||r===!1||e.append(r instanceof Node?r:String(r))}function o(e,t={},...n){let r=document.createElement(e);return Se(r,t,n),r}var mn="http://www.w3.org/2000/svg";function j(e,t={},...n){let r=document.createElementNS(mn,e);return Se(r,t,n),r}function f(e){let t=document.getElementById(e);if(t===null)throw new Error(`index.html has no #${e}`);return t}function I(e,...t){e.replaceChildren(),Se(e,{},t)}var Ae="healthhub.token";function me(){return sessionStorage.getItem(Ae)}var Ie=null;document.addEventListener("DOMContentLoaded",()=>{f("token-dialog").addEventListener("cancel",e=>e.preventDefault())});function tt(e){return Ie??=new Promise(t=>{let n=f("token-dialog"),r=f("token-form"),a=f("token-input");f("token-rejected").hidden=!e,a.value="";let i=s=>{s.preventDefault();let c=a.value.trim();c!==""&&(r.removeEventListener("submit",i),sessionStorage.setItem(Ae,c),n.close(),Ie=null,t(c))};r.addEventListener("submit",i),n.showModal(),a.focus()}),Ie}function nt(){sessionStorage.removeItem(Ae)}var pn=!0,Te="/graphql",J=class extends Error{constructor(n,r,a,i=null){super(n);this.code=r;this.status=a;this.field=i;this.name="ApiError"}code;status;field};function Me(){let e=me();return e===null?{}:{Authorization:`Bearer ${e}`}}function rt(e){return/^\s*(?:query|mutation)\s+(\w+)/.exec(e)?.[1]??"anonymous"}async function at(e){let t=await e();for(;t.status===401;)ge(),await tt(me()!==null),t=await e();return t}var gn="x-healthhub-saved-at",ot=()=>{};function it(e){ot=e}async function st(e,t){performance.mark(`response ${t}`),ot(e.headers.get(gn));let n;try{n=await e.json()}catch{throw new J(`The API answered ${e.status} without a JSON body`,null,e.status)}let r=n.errors?.[0];if(r!==void 0)throw new J(r.message,r.extensions?.code??null,e.status,r.extensions?.field??null);if(n.data===null||n.data===void 0)throw new J(`The API answered ${e.status} without data`,null,e.status);return n.data}async function L(e,...[t]){let n=e.toString(),r=rt(n),a=pn&&/^\s*query\b/.test(n);return st(await at(()=>{if(a){let s=new URLSearchParams({query:n,variables:JSON.stringify(t??{})});return fetch(`${Te}?${s.toString()}`,{headers:Me()})}return fetch(Te,{method:"POST",headers:{...Me(),"Content-Type":"application/json"},body:JSON.stringify({query:n,variables:t??{}})})}),r)}async function lt(e,t){let n=e.toString();return st(await at(()=>{let a=new FormData;return a.append("operations",JSON.stringify({query:n,variables:{...t,file:null}})),a.append("map",JSON.stringify({0:["variables.file"]})),a.append("0",t.file,t.file.name),fetch(Te,{method:"POST",headers:{...Me(),"Apollo-Require-Preflight":"true"},body:a})}),rt(n))}function P(e){return e instanceof J?e.code===null?e.message:`${e.message} (${e.code})`:e instanceof Error?e.message:String(e)}function V(e){return Math.round(Date.parse(`${e}T00:00:00Z`)/864e5)}function C(e){return new Date(e*864e5).toISOString().slice(0,10)}function te(e,t){return C(V(e)+t)}function le(e){return/^\d{4}-\d{2}-\d{2}$/.test(e)&&C(V(e))===e}function ne(e){return((e+3)%7+7)%7+1}function ue(e,t,n,r=()=>!0){let a=V(t),i=[],s=V(e);for(;s<=a;){let c=Math.min(s+n-1,a);if(c<a){let m=c;for(;m>s&&!r(m+1);)m-=1;m>s&&(c=m)}i.push([C(s),C(c)]),s=c+1}return i}var N=class extends String{__apiType;value;__meta__;constructor(t,n){super(t),this.value=t,this.__meta__=n}toString(){return this.value}},ut=new N(`
    fragment EntryFields on DailyMetric {
  date
  weightKg
  kcalIn
  steps
  sleepHours
}
    `,{fragmentName:"EntryFields"}),dt=new N(`
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
    `,{fragmentName:"ProfileFields"}),ct=new N(`
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
    `,{fragmentName:"ReportFields"}),mt=new N(`
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
    `),pt=new N(`
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
}`),gt=new N(`
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
    `),yt=new N(`
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
}`),ft=new N(`
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
}`),ht=new N(`
    mutation DeleteDay($day: Date!) {
  deleteDailyMetrics(start: $day, end: $day)
}
    `),bt=new N(`
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
    `),wt=new N(`
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
}`),vt=new N(`
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
    `),Dt=new N(`
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
}`),$t=new N(`
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
}`);var fn={"\n  query ExportDays($start: Date!, $end: Date!) {\n    dailyMetrics(start: $start, end: $end) {\n      date\n      steps\n      proteinG\n      kcalIn\n      kcalJunkIn\n      kcalOutTraining\n      sleepHours\n      stress\n      weightKg\n      waistCm\n    }\n  }\n":mt,"\n  query Overview {\n    dataRange {\n      firstDate\n      lastDate\n      daysLogged\n    }\n    profile {\n      ...ProfileFields\n    }\n  }\n":pt,"\n  query Series($start: Date!, $end: Date!) {\n    kpis(start: $start, end: $end) {\n      date\n      weightTrend\n      balanceKcal\n      balance7dAvg\n      steps7dAvg\n      sleep7dAvg\n      expenditureKcal\n      expenditureLowKcal\n      expenditureHighKcal\n    }\n    dailyMetrics(start: $start, end: $end) {\n      date\n      weightKg\n      steps\n      sleepHours\n    }\n  }\n":gt,"\n  fragment EntryFields on DailyMetric {\n    date\n    weightKg\n    kcalIn\n    steps\n    sleepHours\n  }\n":ut,"\n  query DayEntry($day: Date!) {\n    dailyMetrics(start: $day, end: $day) {\n      ...EntryFields\n    }\n  }\n":yt,"\n  mutation SaveDay($input: DailyMetricInput!) {\n    upsertDailyMetric(input: $input) {\n      ...EntryFields\n    }\n  }\n":ft,"\n  mutation DeleteDay($day: Date!) {\n    deleteDailyMetrics(start: $day, end: $day)\n  }\n":ht,"\n  query LatestDay($day: Date!, $since: Date!, $monday: Date!) {\n    recent: dailyMetrics(start: $since, end: $day) {\n      date\n      weightKg\n      kcalIn\n    }\n    recentKpis: kpis(start: $since, end: $day) {\n      date\n      weightTrend\n    }\n    kpis(start: $day, end: $day) {\n      weightTrend\n      weightTrendChange7d\n      weightRateKgPerWeek\n      goalEtaDate\n      targetKcalIn\n      energyBalanceKcal\n      energyBalance7dAvg\n      balance7dAvg\n      balance7dDays\n      proteinPerKg\n      steps7dAvg\n      sleep7dAvg\n      expenditureKcal\n      expenditureLowKcal\n      expenditureHighKcal\n    }\n    dailyMetrics(start: $day, end: $day) {\n      weightKg\n      steps\n      sleepHours\n    }\n    week: kpiSummary(start: $monday, end: $day, period: WEEK) {\n      kcalInAvg\n    }\n  }\n":bt,"\n  fragment ProfileFields on Profile {\n    sex\n    birthDate\n    heightCm\n    activityFactor\n    stepsGoal\n    proteinTargetGPerKg\n    balanceGoalKcal\n    sleepTargetHours\n    goalWeightKg\n    goalRateKgPerWeek\n    weightUnit\n    timeZone\n    isDefault\n  }\n":dt,"\n  mutation UpdateProfile($input: ProfileInput!) {\n    updateProfile(input: $input) {\n      ...ProfileFields\n    }\n  }\n":wt,"\n  query Summaries($start: Date!, $end: Date!, $period: Period!) {\n    kpiSummary(start: $start, end: $end, period: $period) {\n      periodStart\n      periodEnd\n      daysLogged\n      weightAvg\n      weightTrendEnd\n      balanceAvg\n      stepsAvg\n      stepsGoalRate\n      proteinPerKgAvg\n      sleepAvg\n    }\n  }\n":vt,"\n  fragment ReportFields on Ingestion {\n    id\n    filename\n    status\n    createdAt\n    rowsRead\n    rowsInserted\n    rowsUpdated\n    rowsUnchanged\n    rowsRejected\n    rowsDeleted\n    source\n    dryRun\n    firstDate\n    lastDate\n    kpiDaysRecomputed\n    columns\n    warnings\n    errorCount\n    errors {\n      row\n      column\n      value\n      message\n    }\n  }\n":ct,"\n  query Ingestions($limit: Int!) {\n    ingestions(limit: $limit) {\n      ...ReportFields\n    }\n  }\n":Dt,"\n  mutation ImportFile(\n    $file: Upload!\n    $onInvalidRow: InvalidRowPolicy!\n    $dateOrder: DateOrder!\n    $dryRun: Boolean!\n  ) {\n    importFile(file: $file, onInvalidRow: $onInvalidRow, dateOrder: $dateOrder, dryRun: $dryRun) {\n      ...ReportFields\n    }\n  }\n":$t};function T(e){return fn[e]??{}}var hn=T(`
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
`),kt=[["date","date"],["steps_n","steps"],["proteins_g","proteinG"],["kcal_in","kcalIn"],["kcal_junk_in","kcalJunkIn"],["kcal_out_training","kcalOutTraining"],["sleep_hours","sleepHours"],["stress_rel","stress"],["weight_kg","weightKg"],["waist_cm","waistCm"]];async function xt(e,t,n){let r=await Promise.all(ue(e,t,n).map(([i,s])=>L(hn,{start:i,end:s}))),a=[kt.map(([i])=>i).join(",")];for(let i of r)for(let s of i.dailyMetrics)a.push(kt.map(([,c])=>s[c]===null?"":String(s[c])).join(","));return`${a.join(`
`)}
`}function Et(e,t){let n=URL.createObjectURL(new Blob([e],{type:"text/csv"})),r=document.createElement("a");r.href=n,r.download=t,document.body.append(r),r.click(),r.remove(),setTimeout(()=>URL.revokeObjectURL(n),1e4)}var bn={kg:1,rate:2,hours:1,kcal:0,steps:0,perKg:2,percent:0,count:0},wn={kg:" kg",rate:" kg/week",hours:" h",kcal:" kcal",steps:"",perKg:" g/kg",percent:" %",count:""},Rt=new Map;function vn(e,t){let n=`${e}:${t}`,r=Rt.get(n);return r===void 0&&(r=new Intl.NumberFormat("en-US",{minimumFractionDigits:e,maximumFractionDigits:e,roundingMode:"halfExpand",signDisplay:t?"exceptZero":"negative"}),Rt.set(n,r)),r}function K(e,t,n=!1){return e==null?"—":vn(bn[t],n).format(t==="percent"?e*100:e)}function k(e,t,n=!1){return e==null?"—":K(e,t,n)+wn[t]}var Dn=new Intl.DateTimeFormat("en-CA",{year:"numeric",month:"2-digit",day:"2-digit",hour:"2-digit",minute:"2-digit",hourCycle:"h23",timeZoneName:"short"});function ye(e){let t=Object.fromEntries(Dn.formatToParts(new Date(e)).map(n=>[n.type,n.value]));return`${t.year}-${t.month}-${t.day} ${t.hour}:${t.minute} ${t.timeZoneName}`}var St=.45359237,Kt={min:20,max:400};function O(e){return e==="LB"?"lb":"kg"}function q(e,t){return t==="LB"?e/St:e}function fe(e,t){let n=t==="LB"?e*St:e;return Math.round(n*1e3)/1e3}function Pe(e,t,n=!1){return e==null?"—":K(q(e,t),"kg",n)}function H(e,t,n=!1){return e==null?"—":`${Pe(e,t,n)} ${O(t)}`}function Le(e,t){return e==null?"—":`${K(q(e,t),"rate",!0)} ${O(t)}/week`}function he(e){let t=Math.ceil(q(Kt.min,e)*10)/10,n=Math.floor(q(Kt.max,e)*10)/10;return{min:t,max:n}}function oe(e){return e.weightUnit}var F={left:52,right:10,top:12,bottom:28},Tt=["Jan","Feb","Mar","Apr","May","Jun","Jul","Aug","Sep","Oct","Nov","Dec"],It=15,$n=6.9;function kn(e,t){let n=e/t,r=10**Math.floor(Math.log10(n));return([1,2,2.5,5,10].find(i=>i*r>=n)??10)*r}function xn(e){let t=1/0,n=-1/0,r=i=>{i!==null&&(i<t&&(t=i),i>n&&(n=i))};for(let i of e)i.kind==="rule"?r(i.value):i.kind==="band"?(i.low.forEach(r),i.high.forEach(r)):(i.values.forEach(r),i.kind==="bars"&&r(i.base??0));if(t===1/0)return[0,1,.25];if(t===n){let i=Math.abs(t)*.05||1;t-=i,n+=i}let a=kn(n-t,4);return[Math.floor(t/a)*a,Math.ceil(n/a)*a,a]}function At(e){return`${Number(e.slice(8))} ${Tt[Number(e.slice(5,7))-1]??""}`}function En(e,t,n){let r=t-e+1,a=[],i;if(r<=10){for(let l=e;l<=t;l++)a.push(l);i=At}else if(r<=100){for(let l=e;l<=t;l++)ne(l)===1&&a.push(l);i=At}else if(r<=1100){for(let l=e;l<=t;l++)C(l).endsWith("-01")&&a.push(l);i=l=>Tt[Number(l.slice(5,7))-1]??""}else{for(let l=e;l<=t;l++)C(l).endsWith("-01-01")&&a.push(l);i=l=>l.slice(0,4)}let s=Math.max(1,Math.ceil(a.length/Math.max(n,1)));a=a.filter((l,g)=>g%s===0);let c=[],m="";for(let l of a){let g=C(l),p=i(g);g.slice(0,4)!==m&&!/^\d{4}$/.test(p)&&(p=`${p} ${g.slice(0,4)}`),m=g.slice(0,4),c.push([l,p])}return c}function Mt(e,t,n){let r=`${e.id}-title`,a=`${e.id}-summary`,i=Math.max(Math.round(t),260),s=Math.round(Math.min(Math.max(i*.45,190),250)),c=i-F.left-F.right,m=s-F.top-F.bottom,l=o("figcaption",{},o("h3",{id:r},e.title),e.weekly&&o("p",{class:"chart-note"},"Weekly averages: over 400 days, each point is one week.")),g=o("p",{id:a,class:"chart-summary"},e.summary),[p,h,S]=xn(e.layers),x=!e.layers.some(d=>d.kind!=="rule"&&(d.kind==="band"?d.low:d.values).some(v=>v!==null)),E=c/(e.end-e.start+1),D=d=>F.left+(d-e.start+.5)*E,y=d=>F.top+m-(d-p)/(h-p)*m,w=d=>d.toFixed(1),R=[],$=[];for(let d=p;!x&&d<=h+S/2;d+=S)R.push(`M${F.left} ${w(y(d))}H${i-F.right}`),$.push(j("text",{x:F.left-6,y:w(y(d)+4),class:"tick tick-y"},e.tick(d)));for(let[d,v]of En(e.start,e.end,Math.floor(c/80)))R.push(`M${w(D(d))} ${s-F.bottom}v4`),$.push(j("text",{x:w(D(d)),y:s-8,class:"tick tick-x"},v));let M=e.layers.map(d=>{let v=Rn(d,e.days,D,y,E*(e.weekly?7:1),w,i);return j("path",{d:v===""?null:v,class:`layer ${d.kind} ${d.className}`})});if(x){let d=F.top+m/2;$.push(j("text",{x:F.left+c/2,y:d,class:"no-data"},"No data in this range"))}let W=e.days.length,Y=j("svg",{viewBox:`0 0 ${i} ${s}`,width:i,height:s,role:"img",tabindex:x?null:0,"aria-labelledby":r,"aria-describedby":a,class:W>c/2?"chart-svg dense":"chart-svg"},j("path",{d:R.join(""),class:"grid"}),...M,...$),Q=o("p",{class:"readout","aria-live":"polite"}),_=o("figure",{class:"chart",id:e.id},l,Y),ae=o("ul",{class:"legend"},...e.layers.map(d=>o("li",{},o("span",{class:`key key-${d.kind} ${d.className}`}),d.label)));return _.append(ae,Q,g),x||Sn(Y,Q,e,{x:D,width:i,height:s,dayWidth:E},n),_}function Rn(e,t,n,r,a,i,s){let c=[];switch(e.kind){case"rule":return`M${F.left} ${i(r(e.value))}H${s-F.right}`;case"dots":e.values.forEach((m,l)=>{m!==null&&c.push(`M${i(n(t[l]??0))} ${i(r(m))}h0`)});break;case"line":{let m=!1;e.values.forEach((l,g)=>{if(l===null){m=!1;return}c.push(`${m?"L":"M"}${i(n(t[g]??0))} ${i(r(l))}`),m=!0});break}case"bars":{let m=Math.max(a*.7,.6),l=r(e.base??0);e.values.forEach((g,p)=>{if(g===null)return;let h=n(t[p]??0)-m/2;c.push(`M${i(h)} ${i(l)}V${i(r(g))}h${i(m)}V${i(l)}Z`)});break}case"band":{let m=[],l=()=>{if(m.length>0){let g=m.map(h=>`${i(n(t[h]??0))} ${i(r(e.high[h]??0))}`),p=m.map(h=>`${i(n(t[h]??0))} ${i(r(e.low[h]??0))}`).reverse();c.push(`M${g.join("L")}L${p.join("L")}Z`)}m=[]};e.low.forEach((g,p)=>{g===null||e.high[p]===null||e.high[p]===void 0?l():m.push(p)}),l();break}}return c.join("")}function Kn(e,t){let n=[];for(let r of e.layers){if(r.kind==="rule")continue;if(r.kind==="band"){let i=r.low[t],s=r.high[t];i!=null&&s!==null&&s!==void 0&&n.push(`${r.label}: ${e.tick(i)}–${e.value(s)}`);continue}let a=r.values[t];a!=null&&n.push(`${r.label}: ${e.value(a)}`)}return n}function Sn(e,t,n,r,a){let i=j("path",{class:"cursor-line"}),s=j("rect",{class:"cursor-box",rx:4}),c=j("text",{class:"cursor-text"}),m=j("g",{class:"cursor",visibility:"hidden","aria-hidden":"true"},i,s,c);e.append(m);let l=o("span",{class:"readout-text"}),g=o("button",{type:"button",class:"secondary small readout-edit",hidden:!0},"Edit this day");t.append(l,g);let p=-1,h=y=>{let w=0,R=n.days.length-1;for(;w<R;){let M=w+R>>1;(n.days[M]??0)<y?w=M+1:R=M}let $=w-1;return $>=0&&y-(n.days[$]??0)<(n.days[w]??0)-y?$:w},S=y=>{let w=n.days[y];if(w===void 0)return;p=y;let R=r.x(w);i.setAttribute("d",`M${R.toFixed(1)} ${F.top}V${r.height-F.bottom}`);let $=n.weekly?`Week of ${C(w-3)}`:C(w),M=[$,...Kn(n,y)];c.replaceChildren(...M.map((_,ae)=>j("tspan",{x:0,dy:ae===0?0:It},_)));let W=Math.max(...M.map(_=>_.length))*$n+12,Y=M.length*It+8,Q=R+8+W>r.width-F.right?Math.max(R-8-W,0):R+8;s.setAttribute("x",Q.toFixed(1)),s.setAttribute("y",String(F.top)),s.setAttribute("width",W.toFixed(1)),s.setAttribute("height",String(Y)),c.setAttribute("transform",`translate(${(Q+6).toFixed(1)} ${F.top+15})`),m.setAttribute("visibility","visible"),l.textContent=`${M[0]??""}: ${M.slice(1).join("; ")||"no value"}`,g.hidden=a===null||n.weekly,g.setAttribute("aria-label",`Edit ${$}`),g.textContent=`Edit ${$}`},x=()=>{m.setAttribute("visibility","hidden")},E=y=>{if(n.days.length===0)return;let w=e.getBoundingClientRect(),R=(y-w.left)/w.width*r.width;S(h(n.start+Math.floor((R-F.left)/r.dayWidth)))},D=!1;e.addEventListener("pointerdown",y=>{D=!0,e.setPointerCapture(y.pointerId),E(y.clientX)}),e.addEventListener("pointermove",y=>E(y.clientX)),e.addEventListener("pointerup",()=>{D=!1}),e.addEventListener("pointercancel",()=>{D=!1}),e.addEventListener("pointerleave",y=>{!D&&y.pointerType==="mouse"&&x()}),e.addEventListener("focus",()=>S(p>=0?p:n.days.length-1)),e.addEventListener("blur",x),e.addEventListener("keydown",y=>{let w=n.days.length-1,$={ArrowLeft:Math.max(p-1,0),ArrowRight:Math.min(p+1,w),Home:0,End:w,PageUp:Math.max(p-7,0),PageDown:Math.min(p+7,w)}[y.key];$!==void 0?(y.preventDefault(),S($)):y.key==="Enter"&&a!==null&&!n.weekly&&p>=0?(y.preventDefault(),a(C(n.days[p]??0))):y.key==="Escape"&&x()}),g.addEventListener("click",()=>{let y=n.days[p];a!==null&&y!==void 0&&a(C(y))})}function be(e){return e?.expenditureKcal===null||e?.expenditureKcal===void 0?null:{mid:e.expenditureKcal,low:e.expenditureLowKcal??null,high:e.expenditureHighKcal??null}}var Ft=400;function Pt(e){let t=[],n=[];return e.forEach((r,a)=>{let i=r-(ne(r)-1);t.at(-1)!==i+3&&(t.push(i+3),n.push([])),n.at(-1)?.push(a)}),{middles:t,members:n}}function Lt(e,t){return t.map(n=>{let r=0,a=0;for(let i of n){let s=e[i];s!=null&&(r+=s,a+=1)}return a===0?null:r/a})}var pe=3660,In=T(`
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
`);async function Ce(e,t){let n=await Promise.all(ue(C(e),C(t),pe).map(([a,i])=>L(In,{start:a,end:i}))),r=[];for(let a of n){let i=new Map(a.dailyMetrics.map(s=>[s.date,s]));for(let s of a.kpis)r.push({day:V(s.date),date:s.date,kpi:s,metric:i.get(s.date),expenditure:be(s)})}return r}var B=null;function An(e){if(B===null)return;let t=e===null?-1/0:V(e);B.days=B.days.filter(n=>n.day<t),B.end=Math.min(B.end,t-1),B.end<B.start&&(B=null)}async function Tn(e){let t=V(e.start),n=V(e.end),r=B;if(r===null||n<r.start-1||t>r.end+1)B={start:t,end:n,days:await Ce(t,n)};else{let[a,i]=await Promise.all([t<r.start?Ce(t,r.start-1):Promise.resolve([]),n>r.end?Ce(r.end+1,n):Promise.resolve([])]);if(B===r)B={start:Math.min(t,r.start),end:Math.max(n,r.end),days:[...a,...r.days,...i]};else return[...a,...r.days,...i].filter(s=>s.day>=t&&s.day<=n)}return B.days.filter(a=>a.day>=t&&a.day<=n)}function we(e){return e.filter(t=>t!==null).length}function He(e,t){for(let n=t.length-1;n>=0;n--){let r=t[n],a=e[n];if(r!=null&&a!==void 0)return[a.date,r]}return null}function Z(e,t){return e.map(n=>t(n)??null)}function Mn(e,t,n){let r=oe(n),a=V(e.start),i=V(e.end),s=i-a+1>Ft,c=s?Pt(t.map(u=>u.day)):null,m=u=>c===null?[...u]:Lt(u,c.members),l={start:a,end:i,days:c===null?t.map(u=>u.day):c.middles,weekly:s},g=Z(t,u=>u.metric?.weightKg),p=Z(t,u=>u.kpi.weightTrend),h=He(t,p),S=u=>u.map(z=>z===null?null:q(z,r)),x=Z(t,u=>u.expenditure?.mid),E=Z(t,u=>u.expenditure?.low),D=Z(t,u=>u.expenditure?.high),y=He(t,x),w=Z(t,u=>u.kpi.balanceKcal),R=Z(t,u=>u.kpi.balance7dAvg),$=He(t,R),M=m(w),W=Z(t,u=>u.metric?.steps),Y=Z(t,u=>u.kpi.steps7dAvg),Q=W.filter(u=>u!==null&&u>=n.stepsGoal).length,_=Z(t,u=>u.metric?.sleepHours),ae=Z(t,u=>u.kpi.sleep7dAvg),d=_.filter(u=>u!==null),v=d.length?d.reduce((u,z)=>u+z,0)/d.length:null,b={tick:u=>K(u,"kcal"),value:u=>k(u,"kcal")},A=(u,z)=>u===null?"none in this range":`${z(u[1])} on ${u[0]}`;return[{...l,id:"chart-weight",title:`Weight (${O(r)})`,tick:u=>K(u,"kg"),value:u=>`${K(u,"kg")} ${O(r)}`,layers:[{kind:"dots",values:S(m(g)),className:"c-weight",label:"Weigh-ins"},{kind:"line",values:S(m(p)),className:"c-trend",label:"Trend"}],summary:`${K(we(g),"count")} weigh-ins. Trend: ${A(h,u=>H(u,r))}.`},{...l,id:"chart-expenditure",title:"Expenditure (kcal/day)",...b,layers:[{kind:"band",low:m(E),high:m(D),className:"c-band",label:"80 % interval"},{kind:"line",values:m(x),className:"c-expenditure",label:"Estimate"}],summary:`${K(we(x),"count")} days with an estimate. Latest: ${A(y,b.value)}.`},{...l,id:"chart-balance",title:"Daily balance (kcal)",...b,layers:[{kind:"bars",values:M.map(u=>u!==null&&u<0?u:null),className:"c-deficit",label:"Deficit"},{kind:"bars",values:M.map(u=>u!==null&&u>=0?u:null),className:"c-surplus",label:"Surplus"},{kind:"line",values:m(R),className:"c-average",label:"7-day average"},{kind:"rule",value:n.balanceGoalKcal,className:"c-goal",label:`Goal ${k(n.balanceGoalKcal,"kcal")}`}],summary:`${K(we(w),"count")} days with a balance. 7-day average: ${A($,b.value)}.`},{...l,id:"chart-steps",title:"Steps",tick:u=>K(u,"steps"),value:u=>`${K(u,"steps")} steps`,layers:[{kind:"bars",values:m(W),className:"c-steps",label:"Steps"},{kind:"line",values:m(Y),className:"c-average",label:"7-day average"},{kind:"rule",value:n.stepsGoal,className:"c-goal",label:`Goal ${k(n.stepsGoal,"steps")}`}],summary:`${K(we(W),"count")} days with steps, ${K(Q,"count")} at or above the goal of ${k(n.stepsGoal,"steps")}.`},{...l,id:"chart-sleep",title:"Sleep (hours)",tick:u=>K(u,"hours"),value:u=>k(u,"hours"),layers:[{kind:"dots",values:m(_),className:"c-sleep",label:"Nights"},{kind:"line",values:m(ae),className:"c-average",label:"7-day average"},{kind:"rule",value:n.sleepTargetHours,className:"c-goal",label:`Target ${k(n.sleepTargetHours,"hours")}`}],summary:`${K(d.length,"count")} nights logged, average ${k(v,"hours")} against the target of ${k(n.sleepTargetHours,"hours")}.`}]}function Ht(e){let t=o("figure",{class:"chart"});e.append(t);let n=getComputedStyle(t),r=t.clientWidth-parseFloat(n.paddingLeft)-parseFloat(n.paddingRight);return t.remove(),Math.floor(r)}var ve=0,De=null,Ut=null;function Wt(e){Ut=e}function Nt(e,t){let n=Ht(e);I(e,...t.map(r=>Mt(r,n,Ut))),De={specs:t,width:n}}var Ct=0;addEventListener("resize",()=>{clearTimeout(Ct),Ct=window.setTimeout(()=>{let e=document.getElementById("charts");De===null||e===null||Math.abs(Ht(e)-De.width)>4&&Nt(e,De.specs)},150)});async function Ot(e,t,n=null){let r=++ve,a=f("charts"),i=f("charts-status");n!==null&&An(n==="all"?null:n),a.setAttribute("aria-busy","true"),i.textContent=`Loading ${e.start} to ${e.end}…`;try{let s=await Tn(e);if(r!==ve)return;performance.mark("charts-data"),Nt(a,Mn(e,s,t)),i.textContent=`${K(s.length,"count")} logged days from ${e.start} to ${e.end}.`,await new Promise(c=>requestAnimationFrame(()=>setTimeout(c,0))),performance.mark("charts-drawn"),a.dataset.range=`${e.start}..${e.end}`}catch(s){r===ve&&(i.textContent=`Could not load the charts: ${P(s)}`)}finally{r===ve&&a.removeAttribute("aria-busy")}}var Fn=["latest-section","recent-section","charts-section","summaries-section"];function Gt(e){f("empty").hidden=!e;for(let t of Fn)f(t).hidden=e}var Zr=T(`
  fragment EntryFields on DailyMetric {
    date
    weightKg
    kcalIn
    steps
    sleepHours
  }
`),Pn=T(`
  query DayEntry($day: Date!) {
    dailyMetrics(start: $day, end: $day) {
      ...EntryFields
    }
  }
`),Ln=T(`
  mutation SaveDay($input: DailyMetricInput!) {
    upsertDailyMetric(input: $input) {
      ...EntryFields
    }
  }
`),Cn=T(`
  mutation DeleteDay($day: Date!) {
    deleteDailyMetrics(start: $day, end: $day)
  }
`),de=e=>e,$e=[{key:"weightKg",noun:"Weight",label:e=>`Weight (${O(e)})`,range:he,whole:!1,unit:O,toApi:fe,fromApi:q,digits:1},{key:"kcalIn",noun:"Intake",label:()=>"Intake (kcal)",range:()=>({min:0,max:2e4}),whole:!1,unit:()=>"kcal",toApi:de,fromApi:de,digits:0},{key:"steps",noun:"Steps",label:()=>"Steps",range:()=>({min:0,max:1e5}),whole:!0,unit:()=>"steps",toApi:de,fromApi:de,digits:0},{key:"sleepHours",noun:"Sleep",label:()=>"Sleep (hours)",range:()=>({min:0,max:24}),whole:!1,unit:()=>"h",toApi:de,fromApi:de,digits:2}];function qt(){let e=new Date,t=n=>String(n).padStart(2,"0");return`${e.getFullYear()}-${t(e.getMonth()+1)}-${t(e.getDate())}`}function Ue(e){let t=e.trim().replace(",",".");return/^[+-]?(\d+\.?\d*|\.\d+)$/.test(t)?Number(t):NaN}function Hn(e,t){return String(Number(e.toFixed(t)))}function _t(e,t,n){let r=t,a=null,i="",s=o("input",{type:"date",id:"entry-date",name:"date",required:!0,max:qt()}),c=new Map,m=new Map,l=new Map,g=d=>{let v=`entry-${d.key}`,b=o("input",{type:"text",inputmode:d.whole?"numeric":"decimal",id:v,name:d.key,autocomplete:"off","aria-describedby":`${v}-error`}),A=o("label",{for:v},d.label(r)),u=o("p",{class:"field-error",id:`${v}-error`});return c.set(d.key,b),m.set(d.key,u),l.set(d.key,A),b.addEventListener("input",()=>{Y.add(d.key),u.textContent="",b.removeAttribute("aria-invalid")}),o("div",{class:`field field-${d.key}`},A,b,u)},[p,...h]=$e,S=p===void 0?null:g(p),x=o("details",{class:"entry-more"},o("summary",{},"Intake, steps, sleep"),o("div",{class:"entry-more-fields"},...h.map(g))),E=o("button",{type:"submit",id:"entry-save"},"Save"),D=o("button",{type:"button",id:"entry-delete",class:"secondary",hidden:!0},"Delete this day"),y=o("button",{type:"button",id:"entry-delete-confirm",class:"danger",hidden:!0},"Delete"),w=o("button",{type:"button",id:"entry-delete-keep",class:"secondary",hidden:!0},"Keep it"),R=o("p",{id:"entry-status",class:"status",role:"status"}),$=o("form",{id:"entry-form",class:"entry-form",novalidate:!0,"aria-labelledby":"entry-title"},o("div",{class:"entry-row"},o("div",{class:"field field-date"},o("label",{for:"entry-date"},"Day"),s),S),x,o("div",{class:"actions"},E,D,y,w),R);I(e,$);let M=()=>{for(let[d,v]of m)v.textContent="",c.get(d)?.removeAttribute("aria-invalid")},W=(d,v)=>{let b=m.get(d),A=c.get(d);b===void 0||A===void 0||(d!=="weightKg"&&(x.open=!0),b.textContent=v,A.setAttribute("aria-invalid","true"))},Y=new Set,Q=(d,v=!1)=>{a=d;for(let b of $e){let A=d?.[b.key],u=c.get(b.key);v&&Y.has(b.key)||(Y.delete(b.key),u!==void 0&&(u.value=A==null?"":Hn(b.fromApi(A,r),b.digits)))}D.hidden=d===null,y.hidden=!0,w.hidden=!0},_=async(d,v)=>{i=d,M(),R.textContent="";try{let b=await L(Pn,{day:d});if(i!==d)return;Q(b.dailyMetrics[0]??null,v),R.textContent=b.dailyMetrics[0]===void 0?`Nothing logged on ${d} yet.`:`${d} as stored.`}catch(b){i===d&&(R.textContent=`Could not load ${d}: ${P(b)}`)}},ae=()=>{let d={date:s.value},v=!0;for(let b of $e){let A=c.get(b.key)?.value??"";if(A.trim()===""){a!==null&&a[b.key]!==null&&(d[b.key]=null);continue}let u=Ue(A),{min:z,max:Je}=b.range(r),Xe=b.digits===0?"count":"kg",dn=`from ${K(z,Xe)} to ${K(Je,Xe)} ${b.unit(r)}`,ze=`${b.noun} must be ${b.whole?"a whole number ":""}${dn}.`;Number.isNaN(u)?(W(b.key,`"${A}" is not a number. ${ze}`),v=!1):u<z||u>Je||b.whole&&!Number.isInteger(u)?(W(b.key,`Out of range. ${ze}`),v=!1):d[b.key]=b.toApi(u,r)}return v?d:null};return $.addEventListener("submit",d=>{if(d.preventDefault(),M(),!le(s.value)){R.textContent="Choose a day first.";return}let v=ae();if(v===null){R.textContent="Not saved: correct the marked field.";return}let b=s.value;E.disabled=!0,R.textContent="Saving…",performance.mark("entry-save"),L(Ln,{input:v}).then(A=>{i===b&&Q(A.upsertDailyMetric),R.textContent=`Saved ${b}.`,n(b,"saved")}).catch(A=>{let u=A instanceof J?A.field:null;u!==null&&c.has(u)&&W(u,A instanceof Error?A.message:String(A)),R.textContent=`Not saved: ${P(A)}`}).finally(()=>{E.disabled=!1})}),D.addEventListener("click",()=>{D.hidden=!0,y.hidden=!1,w.hidden=!1,y.textContent=`Delete ${s.value} and all its values`,y.focus()}),w.addEventListener("click",()=>{D.hidden=!1,y.hidden=!0,w.hidden=!0,D.focus()}),y.addEventListener("click",()=>{let d=s.value;y.disabled=!0,R.textContent="Deleting…",L(Cn,{day:d}).then(v=>{Q(null),R.textContent=v.deleteDailyMetrics>0?`Deleted ${d}.`:`Nothing was logged on ${d}.`,n(d,"deleted")}).catch(v=>{R.textContent=`Not deleted: ${P(v)}`,w.hidden=!0,y.hidden=!0,D.hidden=!1}).finally(()=>{y.disabled=!1})}),s.addEventListener("change",()=>{le(s.value)&&_(s.value,!0)}),s.value=qt(),_(s.value,!0),{open(d){s.value=d,_(d,!1),$.scrollIntoView({block:"start"}),c.get("weightKg")?.focus({preventScroll:!0})},setUnit(d){if(d!==r){r=d;for(let v of $e){let b=l.get(v.key);b!==void 0&&(b.textContent=v.label(r))}Q(a)}}}}var ke=.1,We=.05;function Vt(e,t,n,r){return e!=null?{kind:"date",date:e}:t==null?{kind:"no-goal"}:n==null?{kind:"no-rate"}:Math.abs(t-n)<=ke?{kind:"reached"}:r==null?{kind:"no-rate"}:r===0||Math.sign(r)!==Math.sign(t-n)?{kind:"moving-away"}:Math.abs(r)<We?{kind:"too-slow"}:{kind:"too-far"}}var Bt=[1,7,14,30];function Qt(e,t,n){let r=e.get(t)??null,a=e.get(te(t,-n))??null;return r===null||a===null?null:r-a}function jt(e){return te(e,1-ne(V(e)))}var Ne=14;function Zt(e,t,n,r,a){let i=f("recent-table"),s=new Map(n.map(l=>[l.date,l.weightTrend??null])),c=[...t].reverse().map(l=>{let g=s.get(l.date)??null,p=l.weightKg??null,h=p===null||g===null?null:p-g,S=o("button",{type:"button",class:"secondary small","aria-label":`Edit ${l.date}`},"Edit");return S.addEventListener("click",()=>a(l.date)),o("tr",{"data-date":l.date},o("th",{scope:"row"},l.date),o("td",{"data-label":"Scale"},H(p,r)),o("td",{"data-label":"Trend"},H(g,r)),o("td",{"data-label":"Difference"},h===null?"—":H(h,r,!0)),o("td",{},S))}),m=O(r);I(i,o("caption",{},`The last ${Ne} days to ${e}, newest first (${m})`),o("thead",{},o("tr",{},...["Day","Scale","Trend","Difference"].map(l=>o("th",{scope:"col"},l)),o("th",{scope:"col"},o("span",{class:"visually-hidden"},"Edit")))),o("tbody",{},...c))}var Un=30,Wn=T(`
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
`);function U(e,t,n,r,a=!1){let i=a?"value missing":typeof n=="string"?"value":"value changes-value";return o("div",{class:"figure","data-figure":e},o("dt",{},t),o("dd",{class:i},n),r===null?null:o("dd",{class:"detail"},r))}function Nn(e){if(e===null)return U("expenditure","Expenditure","No estimate","Too little intake and weight data yet, or too uncertain",!0);let t=e.low===null||e.high===null?"no interval":`80 % interval ${K(e.low,"kcal")}–${k(e.high,"kcal")}`;return U("expenditure","Expenditure",k(e.mid,"kcal"),`a day; ${t}`,e.mid===null)}function On(e,t,n){let r=Bt.map(a=>o("span",{class:"change","data-since":a},o("span",{class:"amount"},Pe(Qt(e,t,a),n,!0)),o("span",{class:"span"},a===1?"1 day":`${a} days`)));return U("changes",`Trend change (${O(n)})`,o("span",{class:"changes"},...r),null)}function Gn(e,t){switch(e.kind){case"date":return[e.date,"at the current rate"];case"no-goal":return["No goal","set one under Profile"];case"no-rate":return["Not yet","the rate needs 8 days of trend"];case"reached":return["Reached",`the trend is within ${H(ke,t)} of it`];case"moving-away":return["Moving away","the trend moves away from the goal"];case"too-slow":return["Too slow",`slower than ${K(q(We,t),"rate")} ${O(t)} a week: no date`];case"too-far":return["Over 5 years","away at this rate"]}}function qn(e,t,n){let r=t.goalWeightKg??null,a=e?.weightTrend??null,i=Vt(e?.goalEtaDate,r,a,e?.weightRateKgPerWeek),[s,c]=Gn(i,n),m;if(r===null)m=U("to-go","To go","No goal","set one under Profile",!0);else if(a===null)m=U("to-go","To go","—",`goal ${H(r,n)}; no trend yet`,!0);else{let l=r-a,g=Math.abs(l)<=ke?"reached":l<0?"to lose":"to gain";m=U("to-go","To go",H(Math.abs(l),n),`${g}, to ${H(r,n)}`)}return[m,U("eta","Goal date",s,c,i.kind!=="date")]}function _n(e,t,n){let r=e?.targetKcalIn??null,a=t===null?"nothing eaten logged since Monday":`eaten ${k(t,"kcal")} a day over ${n} ${n===1?"day":"days"} since Monday`+(r===null?"":` (${k(t-r,"kcal",!0)})`);return r===null?U("intake","Target this week","No target",`no expenditure the week before; ${a}`,!0):U("intake","Target this week",k(r,"kcal"),`a day; ${a}`)}async function Oe(e,t,n){let r=f("headline");f("headline-day").textContent=e;try{let a=jt(e),i=await L(Wn,{day:e,since:te(e,-Un),monday:a}),s=oe(t),c=te(e,1-Ne);Zt(e,i.recent.filter(x=>x.date>=c),i.recentKpis,s,n);let m=new Map(i.recentKpis.map(x=>[x.date,x.weightTrend??null])),l=i.kpis[0],g=i.dailyMetrics[0],p=g?.weightKg===null||g?.weightKg===void 0,h=i.recent.filter(x=>x.date>=a&&x.kcalIn!==null&&x.kcalIn!==void 0).length,S=t.goalRateKgPerWeek??null;I(r,U("scale-weight","Scale weight",H(g?.weightKg,s),p?`no weigh-in on ${e}`:`on ${e}`,p),U("weight-trend","Weight trend",H(l?.weightTrend,s),`${H(l?.weightTrendChange7d,s,!0)} in 7 days`),U("rate","Rate",Le(l?.weightRateKgPerWeek,s),`over 14 days; ${S===null?"no planned rate":`plan ${Le(S,s)}`}`,l?.weightRateKgPerWeek===null||l?.weightRateKgPerWeek===void 0),On(m,e,s),...qn(l,t,s),_n(l,i.week[0]?.kcalInAvg??null,h),Nn(be(l)),U("energy-balance","Energy balance",k(l?.energyBalance7dAvg,"kcal",!0),`a day, 7-day average of intake − expenditure; ${k(l?.energyBalanceKcal,"kcal",!0)} on the day`),U("steps","Steps",k(g?.steps,"steps"),`7-day average ${k(l?.steps7dAvg,"steps")}; goal ${k(t.stepsGoal,"steps")}`),U("sleep","Sleep",k(g?.sleepHours,"hours"),`7-day average ${k(l?.sleep7dAvg,"hours")}; target ${k(t.sleepTargetHours,"hours")}`),U("protein","Protein",k(l?.proteinPerKg,"perKg"),`target ${k(t.proteinTargetGPerKg,"perKg")}`),U("balance","Profile-formula balance",k(l?.balance7dAvg,"kcal",!0),`a day over ${l?.balance7dDays??0} of 7 days, intake − BMR × activity; goal ${k(t.balanceGoalKcal,"kcal",!0)}`))}catch(a){I(r,o("p",{role:"alert"},`Could not load the latest day: ${P(a)}`))}}var Yt={min:-1.5,max:1};function Jt(e,t,n,r){if(e.trim()==="")return null;let a=Ue(e),i=`from ${String(n.min)} to ${String(n.max)} ${O(t)}`;return Number.isNaN(a)||a<n.min||a>n.max?`${r} must be ${i}.`:fe(a,t)}function Vn(e,t,n){return e===null?"":String(Number(q(e,t).toFixed(n)))}var ha=T(`
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
`),Bn=T(`
  mutation UpdateProfile($input: ProfileInput!) {
    updateProfile(input: $input) {
      ...ProfileFields
    }
  }
`),Ge=[{key:"heightCm",label:"Height (cm)",step:"0.1",min:"50",max:"272"},{key:"activityFactor",label:"Activity factor",step:"0.01",min:"1",max:"2.5"},{key:"stepsGoal",label:"Steps goal (steps a day)",step:"1",min:"0"},{key:"proteinTargetGPerKg",label:"Protein target (g per kg)",step:"0.1",min:"0"},{key:"balanceGoalKcal",label:"Balance goal (kcal a day)",step:"1"},{key:"sleepTargetHours",label:"Sleep target (hours)",step:"0.1",min:"0",max:"24"}];function ie(e,t,n){let r=o("p",{class:"field-error",id:`${e}-error`});return n.setAttribute("aria-describedby",`${e}-error`),n.addEventListener("input",()=>{r.textContent="",n.removeAttribute("aria-invalid")}),o("div",{class:"field"},o("label",{for:e},t),n,r)}function qe(e,t){let n=document.getElementById(`profile-${e}`),r=document.getElementById(`profile-${e}-error`);return n===null||r===null?!1:(r.textContent=t,n.setAttribute("aria-invalid","true"),!0)}function Xt(e,t){let n=o("select",{id:"profile-sex",name:"sex"},o("option",{value:"MALE",selected:e.sex==="MALE"},"Male"),o("option",{value:"FEMALE",selected:e.sex==="FEMALE"},"Female")),r=o("input",{type:"date",id:"profile-birthDate",name:"birthDate",value:e.birthDate??""}),a=Ge.map(E=>o("input",{type:"number",id:`profile-${E.key}`,name:E.key,step:E.step,min:E.min,max:E.max,required:E.key!=="heightCm",value:e[E.key]??""})),i=e.weightUnit,s=O(i),c=o("select",{id:"profile-weightUnit",name:"weightUnit"},o("option",{value:"KG",selected:i==="KG"},"Kilograms (kg)"),o("option",{value:"LB",selected:i==="LB"},"Pounds (lb)")),m=o("input",{type:"text",id:"profile-timeZone",name:"timeZone",value:e.timeZone,autocomplete:"off",placeholder:Intl.DateTimeFormat().resolvedOptions().timeZone}),l=(E,D)=>o("input",{type:"text",inputmode:"decimal",id:`profile-${E}`,name:E,value:Vn(e[E]??null,i,D)}),g=l("goalWeightKg",1),p=l("goalRateKgPerWeek",2),h={min:Math.ceil(q(Yt.min,i)*100)/100,max:Math.floor(q(Yt.max,i)*100)/100},S=f("profile-status"),x=o("form",{id:"profile-form",class:"profile-form",novalidate:!0},e.isDefault?o("p",{class:"note"},"This is the default profile: enter your own so the KPIs fit you."):null,o("div",{class:"fields"},ie("profile-sex","Sex (for the BMR formula)",n),ie("profile-birthDate","Birth date",r),...Ge.map((E,D)=>ie(`profile-${E.key}`,E.label,a[D]??o("input"))),ie("profile-weightUnit","Weight unit",c),ie("profile-goalWeightKg",`Goal weight (${s}; empty: none)`,g),ie("profile-goalRateKgPerWeek",`Rate (${s} a week, negative to lose)`,p),ie("profile-timeZone","Time zone (IANA name)",m)),o("button",{type:"submit"},"Save profile"));x.addEventListener("submit",E=>{E.preventDefault();let D={sex:n.value,birthDate:r.value===""?null:r.value};Ge.forEach(($,M)=>{let W=a[M]?.value??"";D[$.key]=W===""?null:Number(W)});for(let $ of x.querySelectorAll(".field-error"))$.textContent="";for(let $ of x.querySelectorAll("[aria-invalid]"))$.removeAttribute("aria-invalid");D.weightUnit=c.value,D.timeZone=m.value.trim();let y=Jt(g.value,i,he(i),"The goal weight"),w=Jt(p.value,i,h,"The rate");if([typeof y=="string"&&qe("goalWeightKg",y),typeof w=="string"&&qe("goalRateKgPerWeek",w)].some(Boolean)){S.textContent="Not saved: correct the marked field.";return}D.goalWeightKg=y,D.goalRateKgPerWeek=w,S.textContent="Saving and recomputing the KPIs…",L(Bn,{input:D}).then(()=>{S.textContent="Saved.",t()}).catch($=>{let M=$ instanceof J&&$.field!==null&&qe($.field,$.message);S.textContent=M?"Not saved: correct the marked field.":`Not saved: ${P($)}`})}),I(f("profile"),x)}var xe=[{value:"30",label:"30 days",days:30},{value:"90",label:"90 days",days:90},{value:"365",label:"1 year",days:365},{value:"all",label:"All",days:null},{value:"custom",label:"Custom",days:null}];function zt(){let e=new URLSearchParams(location.hash.slice(1)).get("range")??"90",t=/^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(e);return t?.[1]!==void 0&&t[2]!==void 0?{choice:"custom",custom:{start:t[1],end:t[2]}}:{choice:xe.find(r=>r.value===e&&r.value!=="custom")?.value??"90",custom:null}}var ee=null,re={first:"",last:""},X="90",Ee=null,en=()=>{};function Qn(e){let t=xe.find(n=>n.value===e);return e==="all"?{start:re.first,end:re.last}:t?.days?{start:te(re.last,1-t.days),end:re.last}:Ee??{start:re.first,end:re.last}}function Re(){if(ee===null)return;let e=Qn(X);ee.customForm.hidden=X!=="custom",ee.message.textContent="",ee.from.value=e.start,ee.to.value=e.end;let t=X==="custom"?`${e.start}..${e.end}`:X;history.replaceState(null,"",`#range=${t}`),en(e)}function jn(){let e=o("input",{type:"date",id:"range-from",name:"from",required:!0}),t=o("input",{type:"date",id:"range-to",name:"to",required:!0}),n=o("p",{class:"form-error",role:"alert"}),r=o("form",{id:"range-custom-form",class:"range-custom",novalidate:!0},o("label",{for:"range-from"},"From"),e,o("label",{for:"range-to"},"To"),t,o("button",{type:"submit"},"Show"),n),a=xe.map(s=>o("input",{type:"radio",name:"range",value:s.value,id:`range-${s.value}`,checked:s.value===X})),i=o("fieldset",{class:"range-presets"},o("legend",{},"Range"),...xe.map((s,c)=>o("span",{class:"choice"},a[c],o("label",{for:`range-${s.value}`},s.label))));for(let s of a)s.addEventListener("change",()=>{if(s.value==="custom"){r.hidden=!1,e.focus();return}X=s.value,Re()});return r.addEventListener("submit",s=>{s.preventDefault();let{first:c,last:m}=re;!le(e.value)||!le(t.value)?n.textContent="Enter both dates.":e.value>t.value?n.textContent="The start date must not be after the end date.":e.value>m||t.value<c?n.textContent=`Nothing is logged then: choose days from ${c} to ${m}.`:(Ee={start:e.value<c?c:e.value,end:t.value>m?m:t.value},X="custom",Re())}),I(f("range"),i,r),{from:e,to:t,message:n,customForm:r}}function tn(e,t,n){if(re={first:e,last:t},en=n,ee===null){let r=zt();X=r.choice,Ee=r.custom,ee=jn(),addEventListener("hashchange",()=>{if(!location.hash.includes("range="))return;let a=zt();X=a.choice,Ee=a.custom;let i=document.getElementById(`range-${X}`);i instanceof HTMLInputElement&&(i.checked=!0),Re()})}for(let r of[ee.from,ee.to])r.min=e,r.max=t;Re()}var Zn=T(`
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
`),Yn=e=>[["Days logged",t=>K(t.daysLogged,"count")],["Weight",t=>H(t.weightAvg,e)],["Trend at end",t=>H(t.weightTrendEnd,e)],["Balance a day",t=>k(t.balanceAvg,"kcal",!0)],["Steps a day",t=>k(t.stepsAvg,"steps")],["Steps goal met",t=>k(t.stepsGoalRate,"percent")],["Protein",t=>k(t.proteinPerKgAvg,"perKg")],["Sleep",t=>k(t.sleepAvg,"hours")]];function Jn(e){return e==="WEEK"?t=>ne(t)===1:t=>C(t).endsWith("-01")}var Ve=null,nn="KG",_e=0;async function rn(e,t){let n=++_e,r=f("summaries-table"),a=f("summaries-status");try{let i=await Promise.all(ue(e.start,e.end,pe,Jn(t)).map(([l,g])=>L(Zn,{start:l,end:g,period:t})));if(n!==_e)return;let s=i.flatMap(l=>l.kpiSummary).reverse(),c=t==="WEEK"?"Week":"Month",m=Yn(nn);I(r,o("caption",{},`${c}s from ${e.start} to ${e.end}, newest first`),o("thead",{},o("tr",{},o("th",{scope:"col"},c),...m.map(([l])=>o("th",{scope:"col"},l)))),o("tbody",{},...s.map(l=>o("tr",{},o("th",{scope:"row"},`${l.periodStart} – ${l.periodEnd}`),...m.map(([,g])=>o("td",{},g(l))))))),a.textContent=""}catch(i){n===_e&&(a.textContent=`Could not load the summaries: ${P(i)}`)}}function an(){return f("period-month").checked?"MONTH":"WEEK"}function on(e,t){Ve=e,nn=t,rn(e,an())}function sn(){for(let e of["period-week","period-month"])f(e).addEventListener("change",()=>{Ve!==null&&rn(Ve,an())})}var Ke=!0,Pa=T(`
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
`),Xn=T(`
  query Ingestions($limit: Int!) {
    ingestions(limit: $limit) {
      ...ReportFields
    }
  }
`),zn=T(`
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
`),er=20,Be={APPLIED:"Applied",REJECTED:"Rejected",UNCHANGED:"Unchanged"},tr={AUTO:"detected",HUB:"Health Metrics Hub CSV",MYFITNESSPAL:"MyFitnessPal",CRONOMETER:"Cronometer",WITHINGS:"Withings",GARMIN:"Garmin",GOOGLE_FIT:"Google Fit",FITBIT:"Fitbit",OURA:"Oura",WHOOP:"WHOOP",APPLE_HEALTH:"Apple Health",UNKNOWN:"not recognised"};function G(e){return K(e,"count")}function Qe(e){let t=[["Rows read",G(e.rowsRead)],["New days",G(e.rowsInserted)],["Updated days",G(e.rowsUpdated)],["Unchanged days",G(e.rowsUnchanged)],["Rejected rows",G(e.rowsRejected)],["Deleted days",G(e.rowsDeleted)],["Dates",e.firstDate===null?"—":`${e.firstDate} – ${e.lastDate??""}`],["KPI days recomputed",G(e.kpiDaysRecomputed)]],n=e.errors.length;return o("div",{class:"report"},o("dl",{class:"counts"},...t.map(([r,a])=>o("div",{},o("dt",{},r),o("dd",{},a)))),o("p",{},`Format: ${tr[e.source]}. Columns: `,e.columns.length?e.columns.join(", "):"none recognised"),e.warnings.length>0&&o("div",{class:"warnings"},o("h4",{},`Warnings (${e.warnings.length})`),o("ul",{},...e.warnings.map(r=>o("li",{},r)))),e.errorCount>0&&o("table",{class:"errors"},o("caption",{},n<e.errorCount?`Errors: the first ${G(n)} of ${G(e.errorCount)}`:`Errors (${G(e.errorCount)})`),o("thead",{},o("tr",{},...["Row","Column","Value","Message"].map(r=>o("th",{scope:"col"},r)))),o("tbody",{},...e.errors.map(r=>o("tr",{},o("td",{},r.row===null?"—":String(r.row)),o("td",{},r.column??"—"),o("td",{},o("code",{},r.value??"")),o("td",{},r.message))))))}function nr(e){let t=e.filename??"(no file name)";return`${ye(e.createdAt)} · ${t} · ${Be[e.status]} · ${G(e.rowsRead)} rows read, ${G(e.errorCount)} errors`}async function je(){let e=f("history");try{let{ingestions:t}=await L(Xn,{limit:er});if(t.length===0){I(e,o("p",{},"No uploads yet."));return}I(e,...t.map(n=>o("details",{class:`ingestion status-${n.status}`,"data-id":n.id},o("summary",{},nr(n)),Qe(n))))}catch(t){I(e,o("p",{role:"alert"},`Could not load the upload history: ${P(t)}`))}}function ln(e){let t=f("upload-form"),n=f("upload-file"),r=f("upload-policy"),a=f("upload-date-order"),i=f("upload-submit"),s=f("upload-result");i.textContent=Ke?"Preview":"Upload";let c=(p,h)=>lt(zn,{file:p,onInvalidRow:r.value,dateOrder:a.value,dryRun:h}).then(S=>S.importFile),m=p=>{I(s,o("h3",{},`${Be[p.status]}: ${p.filename??""}`),Qe(p)),p.status==="APPLIED"?e():je()},l=p=>{I(s,o("p",{role:"status"},Ke?"Checking the file…":"Uploading…")),c(p,Ke).then(h=>Ke?g(p,h):m(h),h=>I(s,o("p",{role:"alert"},`Not uploaded: ${P(h)}`)))},g=(p,h)=>{let S=o("button",{type:"button",id:"upload-apply",disabled:h.status==="REJECTED"},"Apply"),x=h.status==="REJECTED"&&r.value==="REJECT_FILE"&&h.rowsRejected>0&&h.rowsRejected<h.rowsRead,E=o("button",{type:"button",id:"upload-skip"},`Skip the ${G(h.rowsRejected)} invalid rows and preview again`);E.addEventListener("click",()=>{r.value="SKIP_ROW",l(p)});let D=o("button",{type:"button",class:"secondary"},"Cancel");S.addEventListener("click",()=>{S.disabled=!0,I(s,o("p",{role:"status"},"Applying…")),c(p,!1).then(m,y=>{I(s,o("p",{role:"alert"},`Not applied: ${P(y)}`))})}),D.addEventListener("click",()=>I(s)),I(s,o("h3",{},`Preview: ${p.name} would be ${Be[h.status].toLowerCase()}`),o("p",{},"Nothing is stored yet."),Qe(h),x&&o("p",{},`${G(h.rowsRead-h.rowsRejected)} of ${G(h.rowsRead)} rows are valid.`),o("div",{class:"actions"},x&&E,S,D))};t.addEventListener("submit",p=>{p.preventDefault();let h=n.files?.[0];if(h===void 0){I(s,o("p",{role:"alert"},"Choose a file first."));return}l(h)}),n.addEventListener("change",()=>I(s))}var rr=T(`
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
`),Ze=null,se=null,un=null,Ye=e=>Ze?.open(e);function ar(e){let t=un;if(se===null||t===null){ce(e);return}let n=e>se.last?e:se.last;Oe(n,t,Ye).then(()=>ce(e,n))}async function ce(e,t=null){let n=f("page-status");try{let{dataRange:r,profile:a}=await L(rr),i=oe(a);un=a,(e===null||e==="all")&&(Xt(a,()=>{ce("all")}),je()),Ze??=_t(f("entry"),i,(m,l)=>l==="saved"?ar(m):void ce(m)),Ze.setUnit(i);let{firstDate:s,lastDate:c}=r;Gt(s===null||c===null),se=s===null||c===null?null:{first:s,last:c},f("download-csv").hidden=se===null,s!==null&&c!==null?(f("days-logged").textContent=`${K(r.daysLogged,"count")} days logged, ${s} to ${c}`,c!==t&&Oe(c,a,Ye),or(s,c,a,e)):f("days-logged").textContent="Nothing logged yet",n.textContent="",f("forget-token").hidden=me()===null,document.body.dataset.loaded="true"}catch(r){n.textContent=`Could not reach the API: ${P(r)}`}}function or(e,t,n,r){let a=r;tn(e,t,i=>{Ot(i,n,a),a=null,on(i,oe(n))})}function ir(){f("log-link").addEventListener("click",e=>{e.preventDefault(),f("today-section").scrollIntoView({block:"start"}),document.getElementById("entry-weightKg")?.focus({preventScroll:!0})}),f("forget-token").addEventListener("click",()=>{nt(),ge().then(()=>location.reload())}),f("download-csv").addEventListener("click",()=>{if(se===null)return;let{first:e,last:t}=se,n=f("download-status");n.textContent="Preparing the file…",xt(e,t,pe).then(r=>{Et(r,`healthhub-${e}-to-${t}.csv`),n.textContent=`Downloaded the days from ${e} to ${t}.`},r=>{n.textContent=`Could not download: ${P(r)}`})}),it(e=>{let t=f("offline-status");t.hidden=e===null,e!==null&&(t.textContent=`Offline: the figures as last loaded, ${ye(e)}. Changes need the network.`)})}Wt(Ye);ir();sn();ln(()=>{ce("all")});et();ce(null);
