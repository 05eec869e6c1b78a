var nn="/assets/sw.js";function Ze(){"serviceWorker"in navigator&&navigator.serviceWorker.register(nn,{scope:"/"}).catch(()=>{})}async function me(){if(!("caches"in window))return;let e=await caches.keys();await Promise.all(e.filter(t=>t.startsWith("healthhub-figures")).map(t=>caches.delete(t)))}function Se(e,t,n){for(let[r,i]of Object.entries(t))i==null||i===!1||e.setAttribute(r,i===!0?"":String(i));for(let r of n)r==null||r===!1||e.append(r instanceof Node?r:String(r))}function a(e,t={},...n){let r=document.createElement(e);return Se(r,t,n),r}var rn="http://www.w3.org/2000/svg";function _(e,t={},...n){let r=document.createElementNS(rn,e);return Se(r,t,n),r}function f(e){let t=document.getElementById(e);if(t===null)throw new Error(`index.html has no #${e}`);return t}function x(e,...t){e.replaceChildren(),Se(e,{},t)}var Te="healthhub.token";function ce(){return sessionStorage.getItem(Te)}var Ke=null;document.addEventListener("DOMContentLoaded",()=>{f("token-dialog").addEventListener("cancel",e=>e.preventDefault())});function Je(e){return Ke??=new Promise(t=>{let n=f("token-dialog"),r=f("token-form"),i=f("token-input");f("token-rejected").hidden=!e,i.value="";let o=s=>{s.preventDefault();let c=i.value.trim();c!==""&&(r.removeEventListener("submit",o),sessionStorage.setItem(Te,c),n.close(),Ke=null,t(c))};r.addEventListener("submit",o),n.showModal(),i.focus()}),Ke}function Ye(){sessionStorage.removeItem(Te)}var an=!0,Ie="/graphql",J=class extends Error{constructor(n,r,i,o=null){super(n);this.code=r;this.status=i;this.field=o;this.name="ApiError"}code;status;field};function Ae(){let e=ce();return e===null?{}:{Authorization:`Bearer ${e}`}}function Xe(e){return/^\s*(?:query|mutation)\s+(\w+)/.exec(e)?.[1]??"anonymous"}async function ze(e){let t=await e();for(;t.status===401;)me(),await Je(ce()!==null),t=await e();return t}var on="x-healthhub-saved-at",et=()=>{};function tt(e){et=e}async function nt(e,t){performance.mark(`response ${t}`),et(e.headers.get(on));let n;try{n=await e.json()}catch{throw new J(`The API answered ${e.status} without a JSON body`,null,e.status)}let r=n.errors?.[0];if(r!==void 0)throw new J(r.message,r.extensions?.code??null,e.status,r.extensions?.field??null);if(n.data===null||n.data===void 0)throw new J(`The API answered ${e.status} without data`,null,e.status);return n.data}async function L(e,...[t]){let n=e.toString(),r=Xe(n),i=an&&/^\s*query\b/.test(n);return nt(await ze(()=>{if(i){let s=new URLSearchParams({query:n,variables:JSON.stringify(t??{})});return fetch(`${Ie}?${s.toString()}`,{headers:Ae()})}return fetch(Ie,{method:"POST",headers:{...Ae(),"Content-Type":"application/json"},body:JSON.stringify({query:n,variables:t??{}})})}),r)}async function rt(e,t){let n=e.toString();return nt(await ze(()=>{let i=new FormData;return i.append("operations",JSON.stringify({query:n,variables:{...t,file:null}})),i.append("map",JSON.stringify({0:["variables.file"]})),i.append("0",t.file,t.file.name),fetch(Ie,{method:"POST",headers:{...Ae(),"Apollo-Require-Preflight":"true"},body:i})}),Xe(n))}function F(e){return e instanceof J?e.code===null?e.message:`${e.message} (${e.code})`:e instanceof Error?e.message:String(e)}function Q(e){return Math.round(Date.parse(`${e}T00:00:00Z`)/864e5)}function C(e){return new Date(e*864e5).toISOString().slice(0,10)}function ge(e,t){return C(Q(e)+t)}function ie(e){return/^\d{4}-\d{2}-\d{2}$/.test(e)&&C(Q(e))===e}function se(e){return((e+3)%7+7)%7+1}function le(e,t,n,r=()=>!0){let i=Q(t),o=[],s=Q(e);for(;s<=i;){let c=Math.min(s+n-1,i);if(c<i){let p=c;for(;p>s&&!r(p+1);)p-=1;p>s&&(c=p)}o.push([C(s),C(c)]),s=c+1}return o}var H=class extends String{__apiType;value;__meta__;constructor(t,n){super(t),this.value=t,this.__meta__=n}toString(){return this.value}},at=new H(`
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
    `,{fragmentName:"ProfileFields"}),ot=new H(`
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
    `,{fragmentName:"ReportFields"}),it=new H(`
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
    `),st=new H(`
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
}`),lt=new H(`
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
    `),ut=new H(`
    query DayEntry($day: Date!) {
  dailyMetrics(start: $day, end: $day) {
    date
    weightKg
    kcalIn
    steps
    sleepHours
  }
}
    `),dt=new H(`
    mutation SaveDay($input: DailyMetricInput!) {
  upsertDailyMetric(input: $input) {
    date
    weightKg
    kcalIn
    steps
    sleepHours
  }
}
    `),ct=new H(`
    mutation DeleteDay($day: Date!) {
  deleteDailyMetrics(start: $day, end: $day)
}
    `),pt=new H(`
    query LatestDay($day: Date!, $recentStart: Date!) {
  recent: dailyMetrics(start: $recentStart, end: $day) {
    date
    weightKg
  }
  recentKpis: kpis(start: $recentStart, end: $day) {
    date
    weightTrend
  }
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
    weightKg
    steps
    sleepHours
  }
}
    `),mt=new H(`
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
}`),gt=new H(`
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
    `),yt=new H(`
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
}`),ft=new H(`
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
}`);var ln={"\n  query ExportDays($start: Date!, $end: Date!) {\n    dailyMetrics(start: $start, end: $end) {\n      date\n      steps\n      proteinG\n      kcalIn\n      kcalJunkIn\n      kcalOutTraining\n      sleepHours\n      stress\n      weightKg\n      waistCm\n    }\n  }\n":it,"\n  query Overview {\n    dataRange {\n      firstDate\n      lastDate\n      daysLogged\n    }\n    profile {\n      ...ProfileFields\n    }\n  }\n":st,"\n  query Series($start: Date!, $end: Date!) {\n    kpis(start: $start, end: $end) {\n      date\n      weightTrend\n      balanceKcal\n      balance7dAvg\n      steps7dAvg\n      sleep7dAvg\n      expenditureKcal\n      expenditureLowKcal\n      expenditureHighKcal\n    }\n    dailyMetrics(start: $start, end: $end) {\n      date\n      weightKg\n      steps\n      sleepHours\n    }\n  }\n":lt,"\n  query DayEntry($day: Date!) {\n    dailyMetrics(start: $day, end: $day) {\n      date\n      weightKg\n      kcalIn\n      steps\n      sleepHours\n    }\n  }\n":ut,"\n  mutation SaveDay($input: DailyMetricInput!) {\n    upsertDailyMetric(input: $input) {\n      date\n      weightKg\n      kcalIn\n      steps\n      sleepHours\n    }\n  }\n":dt,"\n  mutation DeleteDay($day: Date!) {\n    deleteDailyMetrics(start: $day, end: $day)\n  }\n":ct,"\n  query LatestDay($day: Date!, $recentStart: Date!) {\n    recent: dailyMetrics(start: $recentStart, end: $day) {\n      date\n      weightKg\n    }\n    recentKpis: kpis(start: $recentStart, end: $day) {\n      date\n      weightTrend\n    }\n    kpis(start: $day, end: $day) {\n      weightTrend\n      weightTrendChange7d\n      balance7dAvg\n      balance7dDays\n      proteinPerKg\n      steps7dAvg\n      sleep7dAvg\n      expenditureKcal\n      expenditureLowKcal\n      expenditureHighKcal\n    }\n    dailyMetrics(start: $day, end: $day) {\n      weightKg\n      steps\n      sleepHours\n    }\n  }\n":pt,"\n  fragment ProfileFields on Profile {\n    sex\n    birthDate\n    heightCm\n    activityFactor\n    stepsGoal\n    proteinTargetGPerKg\n    balanceGoalKcal\n    sleepTargetHours\n    goalWeightKg\n    goalRateKgPerWeek\n    weightUnit\n    timeZone\n    isDefault\n  }\n":at,"\n  mutation UpdateProfile($input: ProfileInput!) {\n    updateProfile(input: $input) {\n      ...ProfileFields\n    }\n  }\n":mt,"\n  query Summaries($start: Date!, $end: Date!, $period: Period!) {\n    kpiSummary(start: $start, end: $end, period: $period) {\n      periodStart\n      periodEnd\n      daysLogged\n      weightAvg\n      weightTrendEnd\n      balanceAvg\n      stepsAvg\n      stepsGoalRate\n      proteinPerKgAvg\n      sleepAvg\n    }\n  }\n":gt,"\n  fragment ReportFields on Ingestion {\n    id\n    filename\n    status\n    createdAt\n    rowsRead\n    rowsInserted\n    rowsUpdated\n    rowsUnchanged\n    rowsRejected\n    rowsDeleted\n    source\n    dryRun\n    firstDate\n    lastDate\n    kpiDaysRecomputed\n    columns\n    warnings\n    errorCount\n    errors {\n      row\n      column\n      value\n      message\n    }\n  }\n":ot,"\n  query Ingestions($limit: Int!) {\n    ingestions(limit: $limit) {\n      ...ReportFields\n    }\n  }\n":yt,"\n  mutation ImportFile(\n    $file: Upload!\n    $onInvalidRow: InvalidRowPolicy!\n    $dateOrder: DateOrder!\n    $dryRun: Boolean!\n  ) {\n    importFile(file: $file, onInvalidRow: $onInvalidRow, dateOrder: $dateOrder, dryRun: $dryRun) {\n      ...ReportFields\n    }\n  }\n":ft};function A(e){return ln[e]??{}}var un=A(`
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
`),ht=[["date","date"],["steps_n","steps"],["proteins_g","proteinG"],["kcal_in","kcalIn"],["kcal_junk_in","kcalJunkIn"],["kcal_out_training","kcalOutTraining"],["sleep_hours","sleepHours"],["stress_rel","stress"],["weight_kg","weightKg"],["waist_cm","waistCm"]];async function bt(e,t,n){let r=await Promise.all(le(e,t,n).map(([o,s])=>L(un,{start:o,end:s}))),i=[ht.map(([o])=>o).join(",")];for(let o of r)for(let s of o.dailyMetrics)i.push(ht.map(([,c])=>s[c]===null?"":String(s[c])).join(","));return`${i.join(`
`)}
`}function wt(e,t){let n=URL.createObjectURL(new Blob([e],{type:"text/csv"})),r=document.createElement("a");r.href=n,r.download=t,document.body.append(r),r.click(),r.remove(),setTimeout(()=>URL.revokeObjectURL(n),1e4)}var dn={kg:1,hours:1,kcal:0,steps:0,perKg:2,percent:0,count:0},cn={kg:" kg",hours:" h",kcal:" kcal",steps:"",perKg:" g/kg",percent:" %",count:""},vt=new Map;function pn(e,t){let n=`${e}:${t}`,r=vt.get(n);return r===void 0&&(r=new Intl.NumberFormat("en-US",{minimumFractionDigits:e,maximumFractionDigits:e,roundingMode:"halfExpand",signDisplay:t?"exceptZero":"negative"}),vt.set(n,r)),r}function k(e,t,n=!1){return e==null?"—":pn(dn[t],n).format(t==="percent"?e*100:e)}function E(e,t,n=!1){return e==null?"—":k(e,t,n)+cn[t]}var mn=new Intl.DateTimeFormat("en-CA",{year:"numeric",month:"2-digit",day:"2-digit",hour:"2-digit",minute:"2-digit",hourCycle:"h23",timeZoneName:"short"});function ye(e){let t=Object.fromEntries(mn.formatToParts(new Date(e)).map(n=>[n.type,n.value]));return`${t.year}-${t.month}-${t.day} ${t.hour}:${t.minute} ${t.timeZoneName}`}var xt=.45359237,Dt={min:20,max:400};function V(e){return e==="LB"?"lb":"kg"}function j(e,t){return t==="LB"?e/xt:e}function fe(e,t){let n=t==="LB"?e*xt:e;return Math.round(n*1e3)/1e3}function gn(e,t,n=!1){return e==null?"—":k(j(e,t),"kg",n)}function q(e,t,n=!1){return e==null?"—":`${gn(e,t,n)} ${V(t)}`}function he(e){let t=Math.ceil(j(Dt.min,e)*10)/10,n=Math.floor(j(Dt.max,e)*10)/10;return{min:t,max:n}}function ee(e){return e.weightUnit}var M={left:52,right:10,top:12,bottom:28},Rt=["Jan","Feb","Mar","Apr","May","Jun","Jul","Aug","Sep","Oct","Nov","Dec"],kt=15,yn=6.9;function fn(e,t){let n=e/t,r=10**Math.floor(Math.log10(n));return([1,2,2.5,5,10].find(o=>o*r>=n)??10)*r}function hn(e){let t=1/0,n=-1/0,r=o=>{o!==null&&(o<t&&(t=o),o>n&&(n=o))};for(let o of e)o.kind==="rule"?r(o.value):o.kind==="band"?(o.low.forEach(r),o.high.forEach(r)):(o.values.forEach(r),o.kind==="bars"&&r(o.base??0));if(t===1/0)return[0,1,.25];if(t===n){let o=Math.abs(t)*.05||1;t-=o,n+=o}let i=fn(n-t,4);return[Math.floor(t/i)*i,Math.ceil(n/i)*i,i]}function Et(e){return`${Number(e.slice(8))} ${Rt[Number(e.slice(5,7))-1]??""}`}function bn(e,t,n){let r=t-e+1,i=[],o;if(r<=10){for(let u=e;u<=t;u++)i.push(u);o=Et}else if(r<=100){for(let u=e;u<=t;u++)se(u)===1&&i.push(u);o=Et}else if(r<=1100){for(let u=e;u<=t;u++)C(u).endsWith("-01")&&i.push(u);o=u=>Rt[Number(u.slice(5,7))-1]??""}else{for(let u=e;u<=t;u++)C(u).endsWith("-01-01")&&i.push(u);o=u=>u.slice(0,4)}let s=Math.max(1,Math.ceil(i.length/Math.max(n,1)));i=i.filter((u,w)=>w%s===0);let c=[],p="";for(let u of i){let w=C(u),m=o(w);w.slice(0,4)!==p&&!/^\d{4}$/.test(m)&&(m=`${m} ${w.slice(0,4)}`),p=w.slice(0,4),c.push([u,m])}return c}function St(e,t,n){let r=`${e.id}-title`,i=`${e.id}-summary`,o=Math.max(Math.round(t),260),s=Math.round(Math.min(Math.max(o*.45,190),250)),c=o-M.left-M.right,p=s-M.top-M.bottom,u=a("figcaption",{},a("h3",{id:r},e.title),e.weekly&&a("p",{class:"chart-note"},"Weekly averages: over 400 days, each point is one week.")),w=a("p",{id:i,class:"chart-summary"},e.summary),[m,y,K]=hn(e.layers),$=!e.layers.some(d=>d.kind!=="rule"&&(d.kind==="band"?d.low:d.values).some(D=>D!==null)),I=c/(e.end-e.start+1),R=d=>M.left+(d-e.start+.5)*I,g=d=>M.top+p-(d-m)/(y-m)*p,v=d=>d.toFixed(1),b=[],T=[];for(let d=m;!$&&d<=y+K/2;d+=K)b.push(`M${M.left} ${v(g(d))}H${o-M.right}`),T.push(_("text",{x:M.left-6,y:v(g(d)+4),class:"tick tick-y"},e.tick(d)));for(let[d,D]of bn(e.start,e.end,Math.floor(c/80)))b.push(`M${v(R(d))} ${s-M.bottom}v4`),T.push(_("text",{x:v(R(d)),y:s-8,class:"tick tick-x"},D));let P=e.layers.map(d=>{let D=wn(d,e.days,R,g,I*(e.weekly?7:1),v,o);return _("path",{d:D===""?null:D,class:`layer ${d.kind} ${d.className}`})});if($){let d=M.top+p/2;T.push(_("text",{x:M.left+c/2,y:d,class:"no-data"},"No data in this range"))}let N=e.days.length,Z=_("svg",{viewBox:`0 0 ${o} ${s}`,width:o,height:s,role:"img",tabindex:$?null:0,"aria-labelledby":r,"aria-describedby":i,class:N>c/2?"chart-svg dense":"chart-svg"},_("path",{d:b.join(""),class:"grid"}),...P,...T),G=a("p",{class:"readout","aria-live":"polite"}),O=a("figure",{class:"chart",id:e.id},u,Z),re=a("ul",{class:"legend"},...e.layers.map(d=>a("li",{},a("span",{class:`key key-${d.kind} ${d.className}`}),d.label)));return O.append(re,G,w),$||Dn(Z,G,e,{x:R,width:o,height:s,dayWidth:I},n),O}function wn(e,t,n,r,i,o,s){let c=[];switch(e.kind){case"rule":return`M${M.left} ${o(r(e.value))}H${s-M.right}`;case"dots":e.values.forEach((p,u)=>{p!==null&&c.push(`M${o(n(t[u]??0))} ${o(r(p))}h0`)});break;case"line":{let p=!1;e.values.forEach((u,w)=>{if(u===null){p=!1;return}c.push(`${p?"L":"M"}${o(n(t[w]??0))} ${o(r(u))}`),p=!0});break}case"bars":{let p=Math.max(i*.7,.6),u=r(e.base??0);e.values.forEach((w,m)=>{if(w===null)return;let y=n(t[m]??0)-p/2;c.push(`M${o(y)} ${o(u)}V${o(r(w))}h${o(p)}V${o(u)}Z`)});break}case"band":{let p=[],u=()=>{if(p.length>0){let w=p.map(y=>`${o(n(t[y]??0))} ${o(r(e.high[y]??0))}`),m=p.map(y=>`${o(n(t[y]??0))} ${o(r(e.low[y]??0))}`).reverse();c.push(`M${w.join("L")}L${m.join("L")}Z`)}p=[]};e.low.forEach((w,m)=>{w===null||e.high[m]===null||e.high[m]===void 0?u():p.push(m)}),u();break}}return c.join("")}function vn(e,t){let n=[];for(let r of e.layers){if(r.kind==="rule")continue;if(r.kind==="band"){let o=r.low[t],s=r.high[t];o!=null&&s!==null&&s!==void 0&&n.push(`${r.label}: ${e.tick(o)}–${e.value(s)}`);continue}let i=r.values[t];i!=null&&n.push(`${r.label}: ${e.value(i)}`)}return n}function Dn(e,t,n,r,i){let o=_("path",{class:"cursor-line"}),s=_("rect",{class:"cursor-box",rx:4}),c=_("text",{class:"cursor-text"}),p=_("g",{class:"cursor",visibility:"hidden","aria-hidden":"true"},o,s,c);e.append(p);let u=a("span",{class:"readout-text"}),w=a("button",{type:"button",class:"secondary small readout-edit",hidden:!0},"Edit this day");t.append(u,w);let m=-1,y=g=>{let v=0,b=n.days.length-1;for(;v<b;){let P=v+b>>1;(n.days[P]??0)<g?v=P+1:b=P}let T=v-1;return T>=0&&g-(n.days[T]??0)<(n.days[v]??0)-g?T:v},K=g=>{let v=n.days[g];if(v===void 0)return;m=g;let b=r.x(v);o.setAttribute("d",`M${b.toFixed(1)} ${M.top}V${r.height-M.bottom}`);let T=n.weekly?`Week of ${C(v-3)}`:C(v),P=[T,...vn(n,g)];c.replaceChildren(...P.map((O,re)=>_("tspan",{x:0,dy:re===0?0:kt},O)));let N=Math.max(...P.map(O=>O.length))*yn+12,Z=P.length*kt+8,G=b+8+N>r.width-M.right?Math.max(b-8-N,0):b+8;s.setAttribute("x",G.toFixed(1)),s.setAttribute("y",String(M.top)),s.setAttribute("width",N.toFixed(1)),s.setAttribute("height",String(Z)),c.setAttribute("transform",`translate(${(G+6).toFixed(1)} ${M.top+15})`),p.setAttribute("visibility","visible"),u.textContent=`${P[0]??""}: ${P.slice(1).join("; ")||"no value"}`,w.hidden=i===null||n.weekly,w.setAttribute("aria-label",`Edit ${T}`),w.textContent=`Edit ${T}`},$=()=>{p.setAttribute("visibility","hidden")},I=g=>{if(n.days.length===0)return;let v=e.getBoundingClientRect(),b=(g-v.left)/v.width*r.width;K(y(n.start+Math.floor((b-M.left)/r.dayWidth)))},R=!1;e.addEventListener("pointerdown",g=>{R=!0,e.setPointerCapture(g.pointerId),I(g.clientX)}),e.addEventListener("pointermove",g=>I(g.clientX)),e.addEventListener("pointerup",()=>{R=!1}),e.addEventListener("pointercancel",()=>{R=!1}),e.addEventListener("pointerleave",g=>{!R&&g.pointerType==="mouse"&&$()}),e.addEventListener("focus",()=>K(m>=0?m:n.days.length-1)),e.addEventListener("blur",$),e.addEventListener("keydown",g=>{let v=n.days.length-1,T={ArrowLeft:Math.max(m-1,0),ArrowRight:Math.min(m+1,v),Home:0,End:v,PageUp:Math.max(m-7,0),PageDown:Math.min(m+7,v)}[g.key];T!==void 0?(g.preventDefault(),K(T)):g.key==="Enter"&&i!==null&&!n.weekly&&m>=0?(g.preventDefault(),i(C(n.days[m]??0))):g.key==="Escape"&&$()}),w.addEventListener("click",()=>{let g=n.days[m];i!==null&&g!==void 0&&i(C(g))})}function be(e){return e?.expenditureKcal===null||e?.expenditureKcal===void 0?null:{mid:e.expenditureKcal,low:e.expenditureLowKcal??null,high:e.expenditureHighKcal??null}}var Kt=400;function Tt(e){let t=[],n=[];return e.forEach((r,i)=>{let o=r-(se(r)-1);t.at(-1)!==o+3&&(t.push(o+3),n.push([])),n.at(-1)?.push(i)}),{middles:t,members:n}}function It(e,t){return t.map(n=>{let r=0,i=0;for(let o of n){let s=e[o];s!=null&&(r+=s,i+=1)}return i===0?null:r/i})}var pe=3660,$n=A(`
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
`);async function Pe(e,t){let n=await Promise.all(le(C(e),C(t),pe).map(([i,o])=>L($n,{start:i,end:o}))),r=[];for(let i of n){let o=new Map(i.dailyMetrics.map(s=>[s.date,s]));for(let s of i.kpis)r.push({day:Q(s.date),date:s.date,kpi:s,metric:o.get(s.date),expenditure:be(s)})}return r}var W=null;function xn(e){if(W===null)return;let t=e===null?-1/0:Q(e);W.days=W.days.filter(n=>n.day<t),W.end=Math.min(W.end,t-1),W.end<W.start&&(W=null)}async function kn(e){let t=Q(e.start),n=Q(e.end),r=W;if(r===null||n<r.start-1||t>r.end+1)W={start:t,end:n,days:await Pe(t,n)};else{let[i,o]=await Promise.all([t<r.start?Pe(t,r.start-1):Promise.resolve([]),n>r.end?Pe(r.end+1,n):Promise.resolve([])]);if(W===r)W={start:Math.min(t,r.start),end:Math.max(n,r.end),days:[...i,...r.days,...o]};else return[...i,...r.days,...o].filter(s=>s.day>=t&&s.day<=n)}return W.days.filter(i=>i.day>=t&&i.day<=n)}function we(e){return e.filter(t=>t!==null).length}function Me(e,t){for(let n=t.length-1;n>=0;n--){let r=t[n],i=e[n];if(r!=null&&i!==void 0)return[i.date,r]}return null}function B(e,t){return e.map(n=>t(n)??null)}function En(e,t,n){let r=ee(n),i=Q(e.start),o=Q(e.end),s=o-i+1>Kt,c=s?Tt(t.map(l=>l.day)):null,p=l=>c===null?[...l]:It(l,c.members),u={start:i,end:o,days:c===null?t.map(l=>l.day):c.middles,weekly:s},w=B(t,l=>l.metric?.weightKg),m=B(t,l=>l.kpi.weightTrend),y=Me(t,m),K=l=>l.map(X=>X===null?null:j(X,r)),$=B(t,l=>l.expenditure?.mid),I=B(t,l=>l.expenditure?.low),R=B(t,l=>l.expenditure?.high),g=Me(t,$),v=B(t,l=>l.kpi.balanceKcal),b=B(t,l=>l.kpi.balance7dAvg),T=Me(t,b),P=p(v),N=B(t,l=>l.metric?.steps),Z=B(t,l=>l.kpi.steps7dAvg),G=N.filter(l=>l!==null&&l>=n.stepsGoal).length,O=B(t,l=>l.metric?.sleepHours),re=B(t,l=>l.kpi.sleep7dAvg),d=O.filter(l=>l!==null),D=d.length?d.reduce((l,X)=>l+X,0)/d.length:null,h={tick:l=>k(l,"kcal"),value:l=>E(l,"kcal")},S=(l,X)=>l===null?"none in this range":`${X(l[1])} on ${l[0]}`;return[{...u,id:"chart-weight",title:`Weight (${V(r)})`,tick:l=>k(l,"kg"),value:l=>`${k(l,"kg")} ${V(r)}`,layers:[{kind:"dots",values:K(p(w)),className:"c-weight",label:"Weigh-ins"},{kind:"line",values:K(p(m)),className:"c-trend",label:"Trend"}],summary:`${k(we(w),"count")} weigh-ins. Trend: ${S(y,l=>q(l,r))}.`},{...u,id:"chart-expenditure",title:"Expenditure (kcal/day)",...h,layers:[{kind:"band",low:p(I),high:p(R),className:"c-band",label:"80 % interval"},{kind:"line",values:p($),className:"c-expenditure",label:"Estimate"}],summary:`${k(we($),"count")} days with an estimate. Latest: ${S(g,h.value)}.`},{...u,id:"chart-balance",title:"Daily balance (kcal)",...h,layers:[{kind:"bars",values:P.map(l=>l!==null&&l<0?l:null),className:"c-deficit",label:"Deficit"},{kind:"bars",values:P.map(l=>l!==null&&l>=0?l:null),className:"c-surplus",label:"Surplus"},{kind:"line",values:p(b),className:"c-average",label:"7-day average"},{kind:"rule",value:n.balanceGoalKcal,className:"c-goal",label:`Goal ${E(n.balanceGoalKcal,"kcal")}`}],summary:`${k(we(v),"count")} days with a balance. 7-day average: ${S(T,h.value)}.`},{...u,id:"chart-steps",title:"Steps",tick:l=>k(l,"steps"),value:l=>`${k(l,"steps")} steps`,layers:[{kind:"bars",values:p(N),className:"c-steps",label:"Steps"},{kind:"line",values:p(Z),className:"c-average",label:"7-day average"},{kind:"rule",value:n.stepsGoal,className:"c-goal",label:`Goal ${E(n.stepsGoal,"steps")}`}],summary:`${k(we(N),"count")} days with steps, ${k(G,"count")} at or above the goal of ${E(n.stepsGoal,"steps")}.`},{...u,id:"chart-sleep",title:"Sleep (hours)",tick:l=>k(l,"hours"),value:l=>E(l,"hours"),layers:[{kind:"dots",values:p(O),className:"c-sleep",label:"Nights"},{kind:"line",values:p(re),className:"c-average",label:"7-day average"},{kind:"rule",value:n.sleepTargetHours,className:"c-goal",label:`Target ${E(n.sleepTargetHours,"hours")}`}],summary:`${k(d.length,"count")} nights logged, average ${E(D,"hours")} against the target of ${E(n.sleepTargetHours,"hours")}.`}]}function Pt(e){let t=a("figure",{class:"chart"});e.append(t);let n=getComputedStyle(t),r=t.clientWidth-parseFloat(n.paddingLeft)-parseFloat(n.paddingRight);return t.remove(),Math.floor(r)}var ve=0,De=null,Mt=null;function Ft(e){Mt=e}function Lt(e,t){let n=Pt(e);x(e,...t.map(r=>St(r,n,Mt))),De={specs:t,width:n}}var At=0;addEventListener("resize",()=>{clearTimeout(At),At=window.setTimeout(()=>{let e=document.getElementById("charts");De===null||e===null||Math.abs(Pt(e)-De.width)>4&&Lt(e,De.specs)},150)});async function Ct(e,t,n=null){let r=++ve,i=f("charts"),o=f("charts-status");n!==null&&xn(n==="all"?null:n),i.setAttribute("aria-busy","true"),o.textContent=`Loading ${e.start} to ${e.end}…`;try{let s=await kn(e);if(r!==ve)return;performance.mark("charts-data"),Lt(i,En(e,s,t)),o.textContent=`${k(s.length,"count")} logged days from ${e.start} to ${e.end}.`,await new Promise(c=>requestAnimationFrame(()=>setTimeout(c,0))),performance.mark("charts-drawn"),i.dataset.range=`${e.start}..${e.end}`}catch(s){r===ve&&(o.textContent=`Could not load the charts: ${F(s)}`)}finally{r===ve&&i.removeAttribute("aria-busy")}}var Rn=["latest-section","recent-section","charts-section","summaries-section"];function Ht(e){f("empty").hidden=!e;for(let t of Rn)f(t).hidden=e}var Sn=A(`
  query DayEntry($day: Date!) {
    dailyMetrics(start: $day, end: $day) {
      date
      weightKg
      kcalIn
      steps
      sleepHours
    }
  }
`),Kn=A(`
  mutation SaveDay($input: DailyMetricInput!) {
    upsertDailyMetric(input: $input) {
      date
      weightKg
      kcalIn
      steps
      sleepHours
    }
  }
`),Tn=A(`
  mutation DeleteDay($day: Date!) {
    deleteDailyMetrics(start: $day, end: $day)
  }
`),ue=e=>e,$e=[{key:"weightKg",noun:"Weight",label:e=>`Weight (${V(e)})`,range:he,whole:!1,unit:V,toApi:fe,fromApi:j,digits:1},{key:"kcalIn",noun:"Intake",label:()=>"Intake (kcal)",range:()=>({min:0,max:2e4}),whole:!1,unit:()=>"kcal",toApi:ue,fromApi:ue,digits:0},{key:"steps",noun:"Steps",label:()=>"Steps",range:()=>({min:0,max:1e5}),whole:!0,unit:()=>"steps",toApi:ue,fromApi:ue,digits:0},{key:"sleepHours",noun:"Sleep",label:()=>"Sleep (hours)",range:()=>({min:0,max:24}),whole:!1,unit:()=>"h",toApi:ue,fromApi:ue,digits:2}];function Ut(){let e=new Date,t=n=>String(n).padStart(2,"0");return`${e.getFullYear()}-${t(e.getMonth()+1)}-${t(e.getDate())}`}function Fe(e){let t=e.trim().replace(",",".");return/^[+-]?(\d+\.?\d*|\.\d+)$/.test(t)?Number(t):NaN}function In(e,t){return String(Number(e.toFixed(t)))}function Nt(e,t,n){let r=t,i=null,o="",s=a("input",{type:"date",id:"entry-date",name:"date",required:!0,max:Ut()}),c=new Map,p=new Map,u=new Map,w=d=>{let D=`entry-${d.key}`,h=a("input",{type:"text",inputmode:d.whole?"numeric":"decimal",id:D,name:d.key,autocomplete:"off","aria-describedby":`${D}-error`}),S=a("label",{for:D},d.label(r)),l=a("p",{class:"field-error",id:`${D}-error`});return c.set(d.key,h),p.set(d.key,l),u.set(d.key,S),h.addEventListener("input",()=>{Z.add(d.key),l.textContent="",h.removeAttribute("aria-invalid")}),a("div",{class:`field field-${d.key}`},S,h,l)},[m,...y]=$e,K=m===void 0?null:w(m),$=a("details",{class:"entry-more"},a("summary",{},"Intake, steps, sleep"),a("div",{class:"entry-more-fields"},...y.map(w))),I=a("button",{type:"submit",id:"entry-save"},"Save"),R=a("button",{type:"button",id:"entry-delete",class:"secondary",hidden:!0},"Delete this day"),g=a("button",{type:"button",id:"entry-delete-confirm",class:"danger",hidden:!0},"Delete"),v=a("button",{type:"button",id:"entry-delete-keep",class:"secondary",hidden:!0},"Keep it"),b=a("p",{id:"entry-status",class:"status",role:"status"}),T=a("form",{id:"entry-form",class:"entry-form",novalidate:!0,"aria-labelledby":"entry-title"},a("div",{class:"entry-row"},a("div",{class:"field field-date"},a("label",{for:"entry-date"},"Day"),s),K),$,a("div",{class:"actions"},I,R,g,v),b);x(e,T);let P=()=>{for(let[d,D]of p)D.textContent="",c.get(d)?.removeAttribute("aria-invalid")},N=(d,D)=>{let h=p.get(d),S=c.get(d);h===void 0||S===void 0||(d!=="weightKg"&&($.open=!0),h.textContent=D,S.setAttribute("aria-invalid","true"))},Z=new Set,G=(d,D=!1)=>{i=d;for(let h of $e){let S=d?.[h.key],l=c.get(h.key);D&&Z.has(h.key)||(Z.delete(h.key),l!==void 0&&(l.value=S==null?"":In(h.fromApi(S,r),h.digits)))}R.hidden=d===null,g.hidden=!0,v.hidden=!0},O=async(d,D)=>{o=d,P(),b.textContent="";try{let h=await L(Sn,{day:d});if(o!==d)return;G(h.dailyMetrics[0]??null,D),b.textContent=h.dailyMetrics[0]===void 0?`Nothing logged on ${d} yet.`:`${d} as stored.`}catch(h){o===d&&(b.textContent=`Could not load ${d}: ${F(h)}`)}},re=()=>{let d={date:s.value},D=!0;for(let h of $e){let S=c.get(h.key)?.value??"";if(S.trim()===""){i!==null&&i[h.key]!==null&&(d[h.key]=null);continue}let l=Fe(S),{min:X,max:Qe}=h.range(r),je=h.digits===0?"count":"kg",tn=`from ${k(X,je)} to ${k(Qe,je)} ${h.unit(r)}`,Be=`${h.noun} must be ${h.whole?"a whole number ":""}${tn}.`;Number.isNaN(l)?(N(h.key,`"${S}" is not a number. ${Be}`),D=!1):l<X||l>Qe||h.whole&&!Number.isInteger(l)?(N(h.key,`Out of range. ${Be}`),D=!1):d[h.key]=h.toApi(l,r)}return D?d:null};return T.addEventListener("submit",d=>{if(d.preventDefault(),P(),!ie(s.value)){b.textContent="Choose a day first.";return}let D=re();if(D===null){b.textContent="Not saved: correct the marked field.";return}let h=s.value;I.disabled=!0,b.textContent="Saving…",performance.mark("entry-save"),L(Kn,{input:D}).then(S=>{o===h&&G(S.upsertDailyMetric),b.textContent=`Saved ${h}.`,n(h,"saved")}).catch(S=>{let l=S instanceof J?S.field:null;l!==null&&c.has(l)&&N(l,S instanceof Error?S.message:String(S)),b.textContent=`Not saved: ${F(S)}`}).finally(()=>{I.disabled=!1})}),R.addEventListener("click",()=>{R.hidden=!0,g.hidden=!1,v.hidden=!1,g.textContent=`Delete ${s.value} and all its values`,g.focus()}),v.addEventListener("click",()=>{R.hidden=!1,g.hidden=!0,v.hidden=!0,R.focus()}),g.addEventListener("click",()=>{let d=s.value;g.disabled=!0,b.textContent="Deleting…",L(Tn,{day:d}).then(D=>{G(null),b.textContent=D.deleteDailyMetrics>0?`Deleted ${d}.`:`Nothing was logged on ${d}.`,n(d,"deleted")}).catch(D=>{b.textContent=`Not deleted: ${F(D)}`,v.hidden=!0,g.hidden=!0,R.hidden=!1}).finally(()=>{g.disabled=!1})}),s.addEventListener("change",()=>{ie(s.value)&&O(s.value,!0)}),s.value=Ut(),O(s.value,!0),{open(d){s.value=d,O(d,!1),T.scrollIntoView({block:"start"}),c.get("weightKg")?.focus({preventScroll:!0})},setUnit(d){if(d!==r){r=d;for(let D of $e){let h=u.get(D.key);h!==void 0&&(h.textContent=D.label(r))}G(i)}}}}var Le=14;function Ot(e,t,n,r,i){let o=f("recent-table"),s=new Map(n.map(u=>[u.date,u.weightTrend??null])),c=[...t].reverse().map(u=>{let w=s.get(u.date)??null,m=u.weightKg??null,y=m===null||w===null?null:m-w,K=a("button",{type:"button",class:"secondary small","aria-label":`Edit ${u.date}`},"Edit");return K.addEventListener("click",()=>i(u.date)),a("tr",{"data-date":u.date},a("th",{scope:"row"},u.date),a("td",{"data-label":"Scale"},q(m,r)),a("td",{"data-label":"Trend"},q(w,r)),a("td",{"data-label":"Difference"},y===null?"—":q(y,r,!0)),a("td",{},K))}),p=V(r);x(o,a("caption",{},`The last ${Le} days to ${e}, newest first (${p})`),a("thead",{},a("tr",{},...["Day","Scale","Trend","Difference"].map(u=>a("th",{scope:"col"},u)),a("th",{scope:"col"},a("span",{class:"visually-hidden"},"Edit")))),a("tbody",{},...c))}var An=A(`
  query LatestDay($day: Date!, $recentStart: Date!) {
    recent: dailyMetrics(start: $recentStart, end: $day) {
      date
      weightKg
    }
    recentKpis: kpis(start: $recentStart, end: $day) {
      date
      weightTrend
    }
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
      weightKg
      steps
      sleepHours
    }
  }
`);function te(e,t,n,r,i=!1){return a("div",{class:"figure","data-figure":e},a("dt",{},t),a("dd",{class:i?"value missing":"value"},n),a("dd",{class:"detail"},r))}function Pn(e){if(e===null)return te("expenditure","Expenditure","No estimate","Too little intake and weight data yet, or too uncertain",!0);let t=e.low===null||e.high===null?"no interval":`80 % interval ${k(e.low,"kcal")}–${E(e.high,"kcal")}`;return te("expenditure","Expenditure",E(e.mid,"kcal"),`a day; ${t}`,e.mid===null)}async function Ce(e,t,n){let r=f("headline");f("headline-day").textContent=e;try{let i=await L(An,{day:e,recentStart:ge(e,1-Le)});Ot(e,i.recent,i.recentKpis,ee(t),n);let o=i.kpis[0],s=i.dailyMetrics[0],c=ee(t);x(r,te("weight-trend","Weight trend",q(o?.weightTrend,c),`${q(o?.weightTrendChange7d,c,!0)} in 7 days`),te("scale-weight","Scale weight",q(s?.weightKg,c),s?.weightKg===null||s?.weightKg===void 0?`no weigh-in on ${e}`:`on ${e}`,s?.weightKg===null||s?.weightKg===void 0),Pn(be(o)),te("balance","7-day balance",E(o?.balance7dAvg,"kcal",!0),`a day, over ${o?.balance7dDays??0} of 7 days; goal ${E(t.balanceGoalKcal,"kcal",!0)}`),te("steps","Steps",E(s?.steps,"steps"),`7-day average ${E(o?.steps7dAvg,"steps")}; goal ${E(t.stepsGoal,"steps")}`),te("sleep","Sleep",E(s?.sleepHours,"hours"),`7-day average ${E(o?.sleep7dAvg,"hours")}; target ${E(t.sleepTargetHours,"hours")}`),te("protein","Protein",E(o?.proteinPerKg,"perKg"),`target ${E(t.proteinTargetGPerKg,"perKg")}`))}catch(i){x(r,a("p",{role:"alert"},`Could not load the latest day: ${F(i)}`))}}var qt={min:-1.5,max:1};function Wt(e,t,n,r){if(e.trim()==="")return null;let i=Fe(e),o=`from ${String(n.min)} to ${String(n.max)} ${V(t)}`;return Number.isNaN(i)||i<n.min||i>n.max?`${r} must be ${o}.`:fe(i,t)}function Gt(e,t,n){return e===null?"":String(Number(j(e,t).toFixed(n)))}var ea=A(`
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
`),Mn=A(`
  mutation UpdateProfile($input: ProfileInput!) {
    updateProfile(input: $input) {
      ...ProfileFields
    }
  }
`),He=[{key:"heightCm",label:"Height (cm)",step:"0.1",min:"50",max:"272"},{key:"activityFactor",label:"Activity factor",step:"0.01",min:"1",max:"2.5"},{key:"stepsGoal",label:"Steps goal (steps a day)",step:"1",min:"0"},{key:"proteinTargetGPerKg",label:"Protein target (g per kg)",step:"0.1",min:"0"},{key:"balanceGoalKcal",label:"Balance goal (kcal a day)",step:"1"},{key:"sleepTargetHours",label:"Sleep target (hours)",step:"0.1",min:"0",max:"24"}];function ae(e,t,n){let r=a("p",{class:"field-error",id:`${e}-error`});return n.setAttribute("aria-describedby",`${e}-error`),n.addEventListener("input",()=>{r.textContent="",n.removeAttribute("aria-invalid")}),a("div",{class:"field"},a("label",{for:e},t),n,r)}function Ue(e,t){let n=document.getElementById(`profile-${e}`),r=document.getElementById(`profile-${e}-error`);return n===null||r===null?!1:(r.textContent=t,n.setAttribute("aria-invalid","true"),!0)}function _t(e,t){let n=a("select",{id:"profile-sex",name:"sex"},a("option",{value:"MALE",selected:e.sex==="MALE"},"Male"),a("option",{value:"FEMALE",selected:e.sex==="FEMALE"},"Female")),r=a("input",{type:"date",id:"profile-birthDate",name:"birthDate",value:e.birthDate??""}),i=He.map($=>a("input",{type:"number",id:`profile-${$.key}`,name:$.key,step:$.step,min:$.min,max:$.max,required:$.key!=="heightCm",value:e[$.key]??""})),o=e.weightUnit,s=V(o),c=a("select",{id:"profile-weightUnit",name:"weightUnit"},a("option",{value:"KG",selected:o==="KG"},"Kilograms (kg)"),a("option",{value:"LB",selected:o==="LB"},"Pounds (lb)")),p=a("input",{type:"text",id:"profile-timeZone",name:"timeZone",value:e.timeZone,autocomplete:"off",placeholder:Intl.DateTimeFormat().resolvedOptions().timeZone}),u=a("input",{type:"text",inputmode:"decimal",id:"profile-goalWeightKg",name:"goalWeight",value:Gt(e.goalWeightKg??null,o,1)}),w=a("input",{type:"text",inputmode:"decimal",id:"profile-goalRateKgPerWeek",name:"goalRate",value:Gt(e.goalRateKgPerWeek??null,o,2)}),m={min:Math.ceil(j(qt.min,o)*100)/100,max:Math.floor(j(qt.max,o)*100)/100},y=f("profile-status"),K=a("form",{id:"profile-form",class:"profile-form",novalidate:!0},e.isDefault?a("p",{class:"note"},"This is the default profile: enter your own so the KPIs fit you."):null,a("div",{class:"fields"},ae("profile-sex","Sex (for the BMR formula)",n),ae("profile-birthDate","Birth date",r),...He.map(($,I)=>ae(`profile-${$.key}`,$.label,i[I]??a("input"))),ae("profile-weightUnit","Weight unit",c),ae("profile-goalWeightKg",`Goal weight (${s}; empty: none)`,u),ae("profile-goalRateKgPerWeek",`Rate (${s} a week, negative to lose)`,w),ae("profile-timeZone","Time zone (IANA name)",p)),a("button",{type:"submit"},"Save profile"));K.addEventListener("submit",$=>{$.preventDefault();let I={sex:n.value,birthDate:r.value===""?null:r.value};He.forEach((b,T)=>{let P=i[T]?.value??"";I[b.key]=P===""?null:Number(P)});for(let b of K.querySelectorAll(".field-error"))b.textContent="";for(let b of K.querySelectorAll("[aria-invalid]"))b.removeAttribute("aria-invalid");I.weightUnit=c.value,I.timeZone=p.value.trim();let R=Wt(u.value,o,he(o),"The goal weight"),g=Wt(w.value,o,m,"The rate");if([typeof R=="string"&&Ue("goalWeightKg",R),typeof g=="string"&&Ue("goalRateKgPerWeek",g)].some(Boolean)){y.textContent="Not saved: correct the marked field.";return}I.goalWeightKg=R,I.goalRateKgPerWeek=g,y.textContent="Saving and recomputing the KPIs…",L(Mn,{input:I}).then(()=>{y.textContent="Saved.",t()}).catch(b=>{let T=b instanceof J&&b.field!==null&&Ue(b.field,b.message);y.textContent=T?"Not saved: correct the marked field.":`Not saved: ${F(b)}`})}),x(f("profile"),K)}var xe=[{value:"30",label:"30 days",days:30},{value:"90",label:"90 days",days:90},{value:"365",label:"1 year",days:365},{value:"all",label:"All",days:null},{value:"custom",label:"Custom",days:null}];function Vt(){let e=new URLSearchParams(location.hash.slice(1)).get("range")??"90",t=/^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(e);return t?.[1]!==void 0&&t[2]!==void 0?{choice:"custom",custom:{start:t[1],end:t[2]}}:{choice:xe.find(r=>r.value===e&&r.value!=="custom")?.value??"90",custom:null}}var z=null,ne={first:"",last:""},Y="90",ke=null,Qt=()=>{};function Fn(e){let t=xe.find(n=>n.value===e);return e==="all"?{start:ne.first,end:ne.last}:t?.days?{start:ge(ne.last,1-t.days),end:ne.last}:ke??{start:ne.first,end:ne.last}}function Ee(){if(z===null)return;let e=Fn(Y);z.customForm.hidden=Y!=="custom",z.message.textContent="",z.from.value=e.start,z.to.value=e.end;let t=Y==="custom"?`${e.start}..${e.end}`:Y;history.replaceState(null,"",`#range=${t}`),Qt(e)}function Ln(){let e=a("input",{type:"date",id:"range-from",name:"from",required:!0}),t=a("input",{type:"date",id:"range-to",name:"to",required:!0}),n=a("p",{class:"form-error",role:"alert"}),r=a("form",{id:"range-custom-form",class:"range-custom",novalidate:!0},a("label",{for:"range-from"},"From"),e,a("label",{for:"range-to"},"To"),t,a("button",{type:"submit"},"Show"),n),i=xe.map(s=>a("input",{type:"radio",name:"range",value:s.value,id:`range-${s.value}`,checked:s.value===Y})),o=a("fieldset",{class:"range-presets"},a("legend",{},"Range"),...xe.map((s,c)=>a("span",{class:"choice"},i[c],a("label",{for:`range-${s.value}`},s.label))));for(let s of i)s.addEventListener("change",()=>{if(s.value==="custom"){r.hidden=!1,e.focus();return}Y=s.value,Ee()});return r.addEventListener("submit",s=>{s.preventDefault();let{first:c,last:p}=ne;!ie(e.value)||!ie(t.value)?n.textContent="Enter both dates.":e.value>t.value?n.textContent="The start date must not be after the end date.":e.value>p||t.value<c?n.textContent=`Nothing is logged then: choose days from ${c} to ${p}.`:(ke={start:e.value<c?c:e.value,end:t.value>p?p:t.value},Y="custom",Ee())}),x(f("range"),o,r),{from:e,to:t,message:n,customForm:r}}function jt(e,t,n){if(ne={first:e,last:t},Qt=n,z===null){let r=Vt();Y=r.choice,ke=r.custom,z=Ln(),addEventListener("hashchange",()=>{if(!location.hash.includes("range="))return;let i=Vt();Y=i.choice,ke=i.custom;let o=document.getElementById(`range-${Y}`);o instanceof HTMLInputElement&&(o.checked=!0),Ee()})}for(let r of[z.from,z.to])r.min=e,r.max=t;Ee()}var Cn=A(`
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
`),Hn=e=>[["Days logged",t=>k(t.daysLogged,"count")],["Weight",t=>q(t.weightAvg,e)],["Trend at end",t=>q(t.weightTrendEnd,e)],["Balance a day",t=>E(t.balanceAvg,"kcal",!0)],["Steps a day",t=>E(t.stepsAvg,"steps")],["Steps goal met",t=>E(t.stepsGoalRate,"percent")],["Protein",t=>E(t.proteinPerKgAvg,"perKg")],["Sleep",t=>E(t.sleepAvg,"hours")]];function Un(e){return e==="WEEK"?t=>se(t)===1:t=>C(t).endsWith("-01")}var Oe=null,Bt="KG",Ne=0;async function Zt(e,t){let n=++Ne,r=f("summaries-table"),i=f("summaries-status");try{let o=await Promise.all(le(e.start,e.end,pe,Un(t)).map(([u,w])=>L(Cn,{start:u,end:w,period:t})));if(n!==Ne)return;let s=o.flatMap(u=>u.kpiSummary).reverse(),c=t==="WEEK"?"Week":"Month",p=Hn(Bt);x(r,a("caption",{},`${c}s from ${e.start} to ${e.end}, newest first`),a("thead",{},a("tr",{},a("th",{scope:"col"},c),...p.map(([u])=>a("th",{scope:"col"},u)))),a("tbody",{},...s.map(u=>a("tr",{},a("th",{scope:"row"},`${u.periodStart} – ${u.periodEnd}`),...p.map(([,w])=>a("td",{},w(u))))))),i.textContent=""}catch(o){n===Ne&&(i.textContent=`Could not load the summaries: ${F(o)}`)}}function Jt(){return f("period-month").checked?"MONTH":"WEEK"}function Yt(e,t){Oe=e,Bt=t,Zt(e,Jt())}function Xt(){for(let e of["period-week","period-month"])f(e).addEventListener("change",()=>{Oe!==null&&Zt(Oe,Jt())})}var Re=!0,ha=A(`
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
`),Nn=A(`
  query Ingestions($limit: Int!) {
    ingestions(limit: $limit) {
      ...ReportFields
    }
  }
`),On=A(`
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
`),qn=20,qe={APPLIED:"Applied",REJECTED:"Rejected",UNCHANGED:"Unchanged"},Wn={AUTO:"detected",HUB:"Health Metrics Hub CSV",MYFITNESSPAL:"MyFitnessPal",CRONOMETER:"Cronometer",WITHINGS:"Withings",GARMIN:"Garmin",GOOGLE_FIT:"Google Fit",FITBIT:"Fitbit",OURA:"Oura",WHOOP:"WHOOP",APPLE_HEALTH:"Apple Health",UNKNOWN:"not recognised"};function U(e){return k(e,"count")}function We(e){let t=[["Rows read",U(e.rowsRead)],["New days",U(e.rowsInserted)],["Updated days",U(e.rowsUpdated)],["Unchanged days",U(e.rowsUnchanged)],["Rejected rows",U(e.rowsRejected)],["Deleted days",U(e.rowsDeleted)],["Dates",e.firstDate===null?"—":`${e.firstDate} – ${e.lastDate??""}`],["KPI days recomputed",U(e.kpiDaysRecomputed)]],n=e.errors.length;return a("div",{class:"report"},a("dl",{class:"counts"},...t.map(([r,i])=>a("div",{},a("dt",{},r),a("dd",{},i)))),a("p",{},`Format: ${Wn[e.source]}. Columns: `,e.columns.length?e.columns.join(", "):"none recognised"),e.warnings.length>0&&a("div",{class:"warnings"},a("h4",{},`Warnings (${e.warnings.length})`),a("ul",{},...e.warnings.map(r=>a("li",{},r)))),e.errorCount>0&&a("table",{class:"errors"},a("caption",{},n<e.errorCount?`Errors: the first ${U(n)} of ${U(e.errorCount)}`:`Errors (${U(e.errorCount)})`),a("thead",{},a("tr",{},...["Row","Column","Value","Message"].map(r=>a("th",{scope:"col"},r)))),a("tbody",{},...e.errors.map(r=>a("tr",{},a("td",{},r.row===null?"—":String(r.row)),a("td",{},r.column??"—"),a("td",{},a("code",{},r.value??"")),a("td",{},r.message))))))}function Gn(e){let t=e.filename??"(no file name)";return`${ye(e.createdAt)} · ${t} · ${qe[e.status]} · ${U(e.rowsRead)} rows read, ${U(e.errorCount)} errors`}async function Ge(){let e=f("history");try{let{ingestions:t}=await L(Nn,{limit:qn});if(t.length===0){x(e,a("p",{},"No uploads yet."));return}x(e,...t.map(n=>a("details",{class:`ingestion status-${n.status}`,"data-id":n.id},a("summary",{},Gn(n)),We(n))))}catch(t){x(e,a("p",{role:"alert"},`Could not load the upload history: ${F(t)}`))}}function zt(e){let t=f("upload-form"),n=f("upload-file"),r=f("upload-policy"),i=f("upload-date-order"),o=f("upload-submit"),s=f("upload-result");o.textContent=Re?"Preview":"Upload";let c=(m,y)=>rt(On,{file:m,onInvalidRow:r.value,dateOrder:i.value,dryRun:y}).then(K=>K.importFile),p=m=>{x(s,a("h3",{},`${qe[m.status]}: ${m.filename??""}`),We(m)),m.status==="APPLIED"?e():Ge()},u=m=>{x(s,a("p",{role:"status"},Re?"Checking the file…":"Uploading…")),c(m,Re).then(y=>Re?w(m,y):p(y),y=>x(s,a("p",{role:"alert"},`Not uploaded: ${F(y)}`)))},w=(m,y)=>{let K=a("button",{type:"button",id:"upload-apply",disabled:y.status==="REJECTED"},"Apply"),$=y.status==="REJECTED"&&r.value==="REJECT_FILE"&&y.rowsRejected>0&&y.rowsRejected<y.rowsRead,I=a("button",{type:"button",id:"upload-skip"},`Skip the ${U(y.rowsRejected)} invalid rows and preview again`);I.addEventListener("click",()=>{r.value="SKIP_ROW",u(m)});let R=a("button",{type:"button",class:"secondary"},"Cancel");K.addEventListener("click",()=>{K.disabled=!0,x(s,a("p",{role:"status"},"Applying…")),c(m,!1).then(p,g=>{x(s,a("p",{role:"alert"},`Not applied: ${F(g)}`))})}),R.addEventListener("click",()=>x(s)),x(s,a("h3",{},`Preview: ${m.name} would be ${qe[y.status].toLowerCase()}`),a("p",{},"Nothing is stored yet."),We(y),$&&a("p",{},`${U(y.rowsRead-y.rowsRejected)} of ${U(y.rowsRead)} rows are valid.`),a("div",{class:"actions"},$&&I,K,R))};t.addEventListener("submit",m=>{m.preventDefault();let y=n.files?.[0];if(y===void 0){x(s,a("p",{role:"alert"},"Choose a file first."));return}u(y)}),n.addEventListener("change",()=>x(s))}var _n=A(`
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
`),_e=null,oe=null,en=null,Ve=e=>_e?.open(e);function Vn(e){let t=en;if(oe===null||t===null){de(e);return}let n=e>oe.last?e:oe.last;Ce(n,t,Ve).then(()=>de(e,n))}async function de(e,t=null){let n=f("page-status");try{let{dataRange:r,profile:i}=await L(_n),o=ee(i);en=i,(e===null||e==="all")&&(_t(i,()=>{de("all")}),Ge()),_e??=Nt(f("entry"),o,(p,u)=>u==="saved"?Vn(p):void de(p)),_e.setUnit(o);let{firstDate:s,lastDate:c}=r;Ht(s===null||c===null),oe=s===null||c===null?null:{first:s,last:c},f("download-csv").hidden=oe===null,s!==null&&c!==null?(f("days-logged").textContent=`${k(r.daysLogged,"count")} days logged, ${s} to ${c}`,c!==t&&Ce(c,i,Ve),Qn(s,c,i,e)):f("days-logged").textContent="Nothing logged yet",n.textContent="",f("forget-token").hidden=ce()===null,document.body.dataset.loaded="true"}catch(r){n.textContent=`Could not reach the API: ${F(r)}`}}function Qn(e,t,n,r){let i=r;jt(e,t,o=>{Ct(o,n,i),i=null,Yt(o,ee(n))})}function jn(){f("forget-token").addEventListener("click",()=>{Ye(),me().then(()=>location.reload())}),f("download-csv").addEventListener("click",()=>{if(oe===null)return;let{first:e,last:t}=oe,n=f("download-status");n.textContent="Preparing the file…",bt(e,t,pe).then(r=>{wt(r,`healthhub-${e}-to-${t}.csv`),n.textContent=`Downloaded the days from ${e} to ${t}.`},r=>{n.textContent=`Could not download: ${F(r)}`})}),tt(e=>{let t=f("offline-status");t.hidden=e===null,e!==null&&(t.textContent=`Offline: the figures as last loaded, ${ye(e)}. Changes need the network.`)})}Ft(Ve);jn();Xt();zt(()=>{de("all")});Ze();de(null);
