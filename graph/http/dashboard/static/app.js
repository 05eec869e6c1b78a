var nn="/assets/sw.js";function Ze(){"serviceWorker"in navigator&&navigator.serviceWorker.register(nn,{scope:"/"}).catch(()=>{})}async function pe(){if(!("caches"in window))return;let e=await caches.keys();await Promise.all(e.filter(t=>t.startsWith("healthhub-figures")).map(t=>caches.delete(t)))}function Se(e,t,n){for(let[r,i]of Object.entries(t))i==null||i===!1||e.setAttribute(r,i===!0?"":String(i));for(let r of n)r==null||r===!1||e.append(r instanceof Node?r:String(r))}function a(e,t={},...n){let r=document.createElement(e);return Se(r,t,n),r}var rn="http://www.w3.org/2000/svg";function _(e,t={},...n){let r=document.createElementNS(rn,e);return Se(r,t,n),r}function y(e){let t=document.getElementById(e);if(t===null)throw new Error(`index.html has no #${e}`);return t}function E(e,...t){e.replaceChildren(),Se(e,{},t)}var Ie="healthhub.token";function ce(){return sessionStorage.getItem(Ie)}var Te=null;document.addEventListener("DOMContentLoaded",()=>{y("token-dialog").addEventListener("cancel",e=>e.preventDefault())});function Je(e){return Te??=new Promise(t=>{let n=y("token-dialog"),r=y("token-form"),i=y("token-input");y("token-rejected").hidden=!e,i.value="";let o=s=>{s.preventDefault();let c=i.value.trim();c!==""&&(r.removeEventListener("submit",o),sessionStorage.setItem(Ie,c),n.close(),Te=null,t(c))};r.addEventListener("submit",o),n.showModal(),i.focus()}),Te}function Ye(){sessionStorage.removeItem(Ie)}var an=!0,Ke="/graphql",J=class extends Error{constructor(n,r,i,o=null){super(n);this.code=r;this.status=i;this.field=o;this.name="ApiError"}code;status;field};function Ae(){let e=ce();return e===null?{}:{Authorization:`Bearer ${e}`}}function Xe(e){return/^\s*(?:query|mutation)\s+(\w+)/.exec(e)?.[1]??"anonymous"}async function ze(e){let t=await e();for(;t.status===401;)pe(),await Je(ce()!==null),t=await e();return t}var on="x-healthhub-saved-at",et=()=>{};function tt(e){et=e}async function nt(e,t){performance.mark(`response ${t}`),et(e.headers.get(on));let n;try{n=await e.json()}catch{throw new J(`The API answered ${e.status} without a JSON body`,null,e.status)}let r=n.errors?.[0];if(r!==void 0)throw new J(r.message,r.extensions?.code??null,e.status,r.extensions?.field??null);if(n.data===null||n.data===void 0)throw new J(`The API answered ${e.status} without data`,null,e.status);return n.data}async function L(e,...[t]){let n=e.toString(),r=Xe(n),i=an&&/^\s*query\b/.test(n);return nt(await ze(()=>{if(i){let s=new URLSearchParams({query:n,variables:JSON.stringify(t??{})});return fetch(`${Ke}?${s.toString()}`,{headers:Ae()})}return fetch(Ke,{method:"POST",headers:{...Ae(),"Content-Type":"application/json"},body:JSON.stringify({query:n,variables:t??{}})})}),r)}async function rt(e,t){let n=e.toString();return nt(await ze(()=>{let i=new FormData;return i.append("operations",JSON.stringify({query:n,variables:{...t,file:null}})),i.append("map",JSON.stringify({0:["variables.file"]})),i.append("0",t.file,t.file.name),fetch(Ke,{method:"POST",headers:{...Ae(),"Apollo-Require-Preflight":"true"},body:i})}),Xe(n))}function M(e){return e instanceof J?e.code===null?e.message:`${e.message} (${e.code})`:e instanceof Error?e.message:String(e)}function Q(e){return Math.round(Date.parse(`${e}T00:00:00Z`)/864e5)}function C(e){return new Date(e*864e5).toISOString().slice(0,10)}function ge(e,t){return C(Q(e)+t)}function ie(e){return/^\d{4}-\d{2}-\d{2}$/.test(e)&&C(Q(e))===e}function se(e){return((e+3)%7+7)%7+1}function le(e,t,n,r=()=>!0){let i=Q(t),o=[],s=Q(e);for(;s<=i;){let c=Math.min(s+n-1,i);if(c<i){let m=c;for(;m>s&&!r(m+1);)m-=1;m>s&&(c=m)}o.push([C(s),C(c)]),s=c+1}return o}var U=class extends String{__apiType;value;__meta__;constructor(t,n){super(t),this.value=t,this.__meta__=n}toString(){return this.value}},at=new U(`
    fragment EntryFields on DailyMetric {
  date
  weightKg
  kcalIn
  steps
  sleepHours
}
    `,{fragmentName:"EntryFields"}),ot=new U(`
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
    `,{fragmentName:"ProfileFields"}),it=new U(`
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
    `,{fragmentName:"ReportFields"}),st=new U(`
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
    `),lt=new U(`
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
}`),ut=new U(`
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
    `),dt=new U(`
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
}`),ct=new U(`
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
}`),mt=new U(`
    mutation DeleteDay($day: Date!) {
  deleteDailyMetrics(start: $day, end: $day)
}
    `),pt=new U(`
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
    `),gt=new U(`
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
}`),yt=new U(`
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
    `),ft=new U(`
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
}`),ht=new U(`
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
}`);var ln={"\n  query ExportDays($start: Date!, $end: Date!) {\n    dailyMetrics(start: $start, end: $end) {\n      date\n      steps\n      proteinG\n      kcalIn\n      kcalJunkIn\n      kcalOutTraining\n      sleepHours\n      stress\n      weightKg\n      waistCm\n    }\n  }\n":st,"\n  query Overview {\n    dataRange {\n      firstDate\n      lastDate\n      daysLogged\n    }\n    profile {\n      ...ProfileFields\n    }\n  }\n":lt,"\n  query Series($start: Date!, $end: Date!) {\n    kpis(start: $start, end: $end) {\n      date\n      weightTrend\n      balanceKcal\n      balance7dAvg\n      steps7dAvg\n      sleep7dAvg\n      expenditureKcal\n      expenditureLowKcal\n      expenditureHighKcal\n    }\n    dailyMetrics(start: $start, end: $end) {\n      date\n      weightKg\n      steps\n      sleepHours\n    }\n  }\n":ut,"\n  fragment EntryFields on DailyMetric {\n    date\n    weightKg\n    kcalIn\n    steps\n    sleepHours\n  }\n":at,"\n  query DayEntry($day: Date!) {\n    dailyMetrics(start: $day, end: $day) {\n      ...EntryFields\n    }\n  }\n":dt,"\n  mutation SaveDay($input: DailyMetricInput!) {\n    upsertDailyMetric(input: $input) {\n      ...EntryFields\n    }\n  }\n":ct,"\n  mutation DeleteDay($day: Date!) {\n    deleteDailyMetrics(start: $day, end: $day)\n  }\n":mt,"\n  query LatestDay($day: Date!, $recentStart: Date!) {\n    recent: dailyMetrics(start: $recentStart, end: $day) {\n      date\n      weightKg\n    }\n    recentKpis: kpis(start: $recentStart, end: $day) {\n      date\n      weightTrend\n    }\n    kpis(start: $day, end: $day) {\n      weightTrend\n      weightTrendChange7d\n      balance7dAvg\n      balance7dDays\n      proteinPerKg\n      steps7dAvg\n      sleep7dAvg\n      expenditureKcal\n      expenditureLowKcal\n      expenditureHighKcal\n    }\n    dailyMetrics(start: $day, end: $day) {\n      weightKg\n      steps\n      sleepHours\n    }\n  }\n":pt,"\n  fragment ProfileFields on Profile {\n    sex\n    birthDate\n    heightCm\n    activityFactor\n    stepsGoal\n    proteinTargetGPerKg\n    balanceGoalKcal\n    sleepTargetHours\n    goalWeightKg\n    goalRateKgPerWeek\n    weightUnit\n    timeZone\n    isDefault\n  }\n":ot,"\n  mutation UpdateProfile($input: ProfileInput!) {\n    updateProfile(input: $input) {\n      ...ProfileFields\n    }\n  }\n":gt,"\n  query Summaries($start: Date!, $end: Date!, $period: Period!) {\n    kpiSummary(start: $start, end: $end, period: $period) {\n      periodStart\n      periodEnd\n      daysLogged\n      weightAvg\n      weightTrendEnd\n      balanceAvg\n      stepsAvg\n      stepsGoalRate\n      proteinPerKgAvg\n      sleepAvg\n    }\n  }\n":yt,"\n  fragment ReportFields on Ingestion {\n    id\n    filename\n    status\n    createdAt\n    rowsRead\n    rowsInserted\n    rowsUpdated\n    rowsUnchanged\n    rowsRejected\n    rowsDeleted\n    source\n    dryRun\n    firstDate\n    lastDate\n    kpiDaysRecomputed\n    columns\n    warnings\n    errorCount\n    errors {\n      row\n      column\n      value\n      message\n    }\n  }\n":it,"\n  query Ingestions($limit: Int!) {\n    ingestions(limit: $limit) {\n      ...ReportFields\n    }\n  }\n":ft,"\n  mutation ImportFile(\n    $file: Upload!\n    $onInvalidRow: InvalidRowPolicy!\n    $dateOrder: DateOrder!\n    $dryRun: Boolean!\n  ) {\n    importFile(file: $file, onInvalidRow: $onInvalidRow, dateOrder: $dateOrder, dryRun: $dryRun) {\n      ...ReportFields\n    }\n  }\n":ht};function A(e){return ln[e]??{}}var un=A(`
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
`),bt=[["date","date"],["steps_n","steps"],["proteins_g","proteinG"],["kcal_in","kcalIn"],["kcal_junk_in","kcalJunkIn"],["kcal_out_training","kcalOutTraining"],["sleep_hours","sleepHours"],["stress_rel","stress"],["weight_kg","weightKg"],["waist_cm","waistCm"]];async function wt(e,t,n){let r=await Promise.all(le(e,t,n).map(([o,s])=>L(un,{start:o,end:s}))),i=[bt.map(([o])=>o).join(",")];for(let o of r)for(let s of o.dailyMetrics)i.push(bt.map(([,c])=>s[c]===null?"":String(s[c])).join(","));return`${i.join(`
`)}
`}function vt(e,t){let n=URL.createObjectURL(new Blob([e],{type:"text/csv"})),r=document.createElement("a");r.href=n,r.download=t,document.body.append(r),r.click(),r.remove(),setTimeout(()=>URL.revokeObjectURL(n),1e4)}var dn={kg:1,hours:1,kcal:0,steps:0,perKg:2,percent:0,count:0},cn={kg:" kg",hours:" h",kcal:" kcal",steps:"",perKg:" g/kg",percent:" %",count:""},Dt=new Map;function mn(e,t){let n=`${e}:${t}`,r=Dt.get(n);return r===void 0&&(r=new Intl.NumberFormat("en-US",{minimumFractionDigits:e,maximumFractionDigits:e,roundingMode:"halfExpand",signDisplay:t?"exceptZero":"negative"}),Dt.set(n,r)),r}function R(e,t,n=!1){return e==null?"—":mn(dn[t],n).format(t==="percent"?e*100:e)}function S(e,t,n=!1){return e==null?"—":R(e,t,n)+cn[t]}var pn=new Intl.DateTimeFormat("en-CA",{year:"numeric",month:"2-digit",day:"2-digit",hour:"2-digit",minute:"2-digit",hourCycle:"h23",timeZoneName:"short"});function ye(e){let t=Object.fromEntries(pn.formatToParts(new Date(e)).map(n=>[n.type,n.value]));return`${t.year}-${t.month}-${t.day} ${t.hour}:${t.minute} ${t.timeZoneName}`}var kt=.45359237,$t={min:20,max:400};function V(e){return e==="LB"?"lb":"kg"}function j(e,t){return t==="LB"?e/kt:e}function fe(e,t){let n=t==="LB"?e*kt:e;return Math.round(n*1e3)/1e3}function gn(e,t,n=!1){return e==null?"—":R(j(e,t),"kg",n)}function q(e,t,n=!1){return e==null?"—":`${gn(e,t,n)} ${V(t)}`}function he(e){let t=Math.ceil(j($t.min,e)*10)/10,n=Math.floor(j($t.max,e)*10)/10;return{min:t,max:n}}function ee(e){return e.weightUnit}var P={left:52,right:10,top:12,bottom:28},St=["Jan","Feb","Mar","Apr","May","Jun","Jul","Aug","Sep","Oct","Nov","Dec"],Et=15,yn=6.9;function fn(e,t){let n=e/t,r=10**Math.floor(Math.log10(n));return([1,2,2.5,5,10].find(o=>o*r>=n)??10)*r}function hn(e){let t=1/0,n=-1/0,r=o=>{o!==null&&(o<t&&(t=o),o>n&&(n=o))};for(let o of e)o.kind==="rule"?r(o.value):o.kind==="band"?(o.low.forEach(r),o.high.forEach(r)):(o.values.forEach(r),o.kind==="bars"&&r(o.base??0));if(t===1/0)return[0,1,.25];if(t===n){let o=Math.abs(t)*.05||1;t-=o,n+=o}let i=fn(n-t,4);return[Math.floor(t/i)*i,Math.ceil(n/i)*i,i]}function Rt(e){return`${Number(e.slice(8))} ${St[Number(e.slice(5,7))-1]??""}`}function bn(e,t,n){let r=t-e+1,i=[],o;if(r<=10){for(let u=e;u<=t;u++)i.push(u);o=Rt}else if(r<=100){for(let u=e;u<=t;u++)se(u)===1&&i.push(u);o=Rt}else if(r<=1100){for(let u=e;u<=t;u++)C(u).endsWith("-01")&&i.push(u);o=u=>St[Number(u.slice(5,7))-1]??""}else{for(let u=e;u<=t;u++)C(u).endsWith("-01-01")&&i.push(u);o=u=>u.slice(0,4)}let s=Math.max(1,Math.ceil(i.length/Math.max(n,1)));i=i.filter((u,b)=>b%s===0);let c=[],m="";for(let u of i){let b=C(u),p=o(b);b.slice(0,4)!==m&&!/^\d{4}$/.test(p)&&(p=`${p} ${b.slice(0,4)}`),m=b.slice(0,4),c.push([u,p])}return c}function Tt(e,t,n){let r=`${e.id}-title`,i=`${e.id}-summary`,o=Math.max(Math.round(t),260),s=Math.round(Math.min(Math.max(o*.45,190),250)),c=o-P.left-P.right,m=s-P.top-P.bottom,u=a("figcaption",{},a("h3",{id:r},e.title),e.weekly&&a("p",{class:"chart-note"},"Weekly averages: over 400 days, each point is one week.")),b=a("p",{id:i,class:"chart-summary"},e.summary),[p,h,I]=hn(e.layers),K=!e.layers.some(d=>d.kind!=="rule"&&(d.kind==="band"?d.low:d.values).some(v=>v!==null)),x=c/(e.end-e.start+1),D=d=>P.left+(d-e.start+.5)*x,g=d=>P.top+m-(d-p)/(h-p)*m,w=d=>d.toFixed(1),k=[],$=[];for(let d=p;!K&&d<=h+I/2;d+=I)k.push(`M${P.left} ${w(g(d))}H${o-P.right}`),$.push(_("text",{x:P.left-6,y:w(g(d)+4),class:"tick tick-y"},e.tick(d)));for(let[d,v]of bn(e.start,e.end,Math.floor(c/80)))k.push(`M${w(D(d))} ${s-P.bottom}v4`),$.push(_("text",{x:w(D(d)),y:s-8,class:"tick tick-x"},v));let F=e.layers.map(d=>{let v=wn(d,e.days,D,g,x*(e.weekly?7:1),w,o);return _("path",{d:v===""?null:v,class:`layer ${d.kind} ${d.className}`})});if(K){let d=P.top+m/2;$.push(_("text",{x:P.left+c/2,y:d,class:"no-data"},"No data in this range"))}let H=e.days.length,Z=_("svg",{viewBox:`0 0 ${o} ${s}`,width:o,height:s,role:"img",tabindex:K?null:0,"aria-labelledby":r,"aria-describedby":i,class:H>c/2?"chart-svg dense":"chart-svg"},_("path",{d:k.join(""),class:"grid"}),...F,...$),G=a("p",{class:"readout","aria-live":"polite"}),O=a("figure",{class:"chart",id:e.id},u,Z),re=a("ul",{class:"legend"},...e.layers.map(d=>a("li",{},a("span",{class:`key key-${d.kind} ${d.className}`}),d.label)));return O.append(re,G,b),K||Dn(Z,G,e,{x:D,width:o,height:s,dayWidth:x},n),O}function wn(e,t,n,r,i,o,s){let c=[];switch(e.kind){case"rule":return`M${P.left} ${o(r(e.value))}H${s-P.right}`;case"dots":e.values.forEach((m,u)=>{m!==null&&c.push(`M${o(n(t[u]??0))} ${o(r(m))}h0`)});break;case"line":{let m=!1;e.values.forEach((u,b)=>{if(u===null){m=!1;return}c.push(`${m?"L":"M"}${o(n(t[b]??0))} ${o(r(u))}`),m=!0});break}case"bars":{let m=Math.max(i*.7,.6),u=r(e.base??0);e.values.forEach((b,p)=>{if(b===null)return;let h=n(t[p]??0)-m/2;c.push(`M${o(h)} ${o(u)}V${o(r(b))}h${o(m)}V${o(u)}Z`)});break}case"band":{let m=[],u=()=>{if(m.length>0){let b=m.map(h=>`${o(n(t[h]??0))} ${o(r(e.high[h]??0))}`),p=m.map(h=>`${o(n(t[h]??0))} ${o(r(e.low[h]??0))}`).reverse();c.push(`M${b.join("L")}L${p.join("L")}Z`)}m=[]};e.low.forEach((b,p)=>{b===null||e.high[p]===null||e.high[p]===void 0?u():m.push(p)}),u();break}}return c.join("")}function vn(e,t){let n=[];for(let r of e.layers){if(r.kind==="rule")continue;if(r.kind==="band"){let o=r.low[t],s=r.high[t];o!=null&&s!==null&&s!==void 0&&n.push(`${r.label}: ${e.tick(o)}–${e.value(s)}`);continue}let i=r.values[t];i!=null&&n.push(`${r.label}: ${e.value(i)}`)}return n}function Dn(e,t,n,r,i){let o=_("path",{class:"cursor-line"}),s=_("rect",{class:"cursor-box",rx:4}),c=_("text",{class:"cursor-text"}),m=_("g",{class:"cursor",visibility:"hidden","aria-hidden":"true"},o,s,c);e.append(m);let u=a("span",{class:"readout-text"}),b=a("button",{type:"button",class:"secondary small readout-edit",hidden:!0},"Edit this day");t.append(u,b);let p=-1,h=g=>{let w=0,k=n.days.length-1;for(;w<k;){let F=w+k>>1;(n.days[F]??0)<g?w=F+1:k=F}let $=w-1;return $>=0&&g-(n.days[$]??0)<(n.days[w]??0)-g?$:w},I=g=>{let w=n.days[g];if(w===void 0)return;p=g;let k=r.x(w);o.setAttribute("d",`M${k.toFixed(1)} ${P.top}V${r.height-P.bottom}`);let $=n.weekly?`Week of ${C(w-3)}`:C(w),F=[$,...vn(n,g)];c.replaceChildren(...F.map((O,re)=>_("tspan",{x:0,dy:re===0?0:Et},O)));let H=Math.max(...F.map(O=>O.length))*yn+12,Z=F.length*Et+8,G=k+8+H>r.width-P.right?Math.max(k-8-H,0):k+8;s.setAttribute("x",G.toFixed(1)),s.setAttribute("y",String(P.top)),s.setAttribute("width",H.toFixed(1)),s.setAttribute("height",String(Z)),c.setAttribute("transform",`translate(${(G+6).toFixed(1)} ${P.top+15})`),m.setAttribute("visibility","visible"),u.textContent=`${F[0]??""}: ${F.slice(1).join("; ")||"no value"}`,b.hidden=i===null||n.weekly,b.setAttribute("aria-label",`Edit ${$}`),b.textContent=`Edit ${$}`},K=()=>{m.setAttribute("visibility","hidden")},x=g=>{if(n.days.length===0)return;let w=e.getBoundingClientRect(),k=(g-w.left)/w.width*r.width;I(h(n.start+Math.floor((k-P.left)/r.dayWidth)))},D=!1;e.addEventListener("pointerdown",g=>{D=!0,e.setPointerCapture(g.pointerId),x(g.clientX)}),e.addEventListener("pointermove",g=>x(g.clientX)),e.addEventListener("pointerup",()=>{D=!1}),e.addEventListener("pointercancel",()=>{D=!1}),e.addEventListener("pointerleave",g=>{!D&&g.pointerType==="mouse"&&K()}),e.addEventListener("focus",()=>I(p>=0?p:n.days.length-1)),e.addEventListener("blur",K),e.addEventListener("keydown",g=>{let w=n.days.length-1,$={ArrowLeft:Math.max(p-1,0),ArrowRight:Math.min(p+1,w),Home:0,End:w,PageUp:Math.max(p-7,0),PageDown:Math.min(p+7,w)}[g.key];$!==void 0?(g.preventDefault(),I($)):g.key==="Enter"&&i!==null&&!n.weekly&&p>=0?(g.preventDefault(),i(C(n.days[p]??0))):g.key==="Escape"&&K()}),b.addEventListener("click",()=>{let g=n.days[p];i!==null&&g!==void 0&&i(C(g))})}function be(e){return e?.expenditureKcal===null||e?.expenditureKcal===void 0?null:{mid:e.expenditureKcal,low:e.expenditureLowKcal??null,high:e.expenditureHighKcal??null}}var It=400;function Kt(e){let t=[],n=[];return e.forEach((r,i)=>{let o=r-(se(r)-1);t.at(-1)!==o+3&&(t.push(o+3),n.push([])),n.at(-1)?.push(i)}),{middles:t,members:n}}function At(e,t){return t.map(n=>{let r=0,i=0;for(let o of n){let s=e[o];s!=null&&(r+=s,i+=1)}return i===0?null:r/i})}var me=3660,$n=A(`
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
`);async function Fe(e,t){let n=await Promise.all(le(C(e),C(t),me).map(([i,o])=>L($n,{start:i,end:o}))),r=[];for(let i of n){let o=new Map(i.dailyMetrics.map(s=>[s.date,s]));for(let s of i.kpis)r.push({day:Q(s.date),date:s.date,kpi:s,metric:o.get(s.date),expenditure:be(s)})}return r}var W=null;function xn(e){if(W===null)return;let t=e===null?-1/0:Q(e);W.days=W.days.filter(n=>n.day<t),W.end=Math.min(W.end,t-1),W.end<W.start&&(W=null)}async function kn(e){let t=Q(e.start),n=Q(e.end),r=W;if(r===null||n<r.start-1||t>r.end+1)W={start:t,end:n,days:await Fe(t,n)};else{let[i,o]=await Promise.all([t<r.start?Fe(t,r.start-1):Promise.resolve([]),n>r.end?Fe(r.end+1,n):Promise.resolve([])]);if(W===r)W={start:Math.min(t,r.start),end:Math.max(n,r.end),days:[...i,...r.days,...o]};else return[...i,...r.days,...o].filter(s=>s.day>=t&&s.day<=n)}return W.days.filter(i=>i.day>=t&&i.day<=n)}function we(e){return e.filter(t=>t!==null).length}function Pe(e,t){for(let n=t.length-1;n>=0;n--){let r=t[n],i=e[n];if(r!=null&&i!==void 0)return[i.date,r]}return null}function B(e,t){return e.map(n=>t(n)??null)}function En(e,t,n){let r=ee(n),i=Q(e.start),o=Q(e.end),s=o-i+1>It,c=s?Kt(t.map(l=>l.day)):null,m=l=>c===null?[...l]:At(l,c.members),u={start:i,end:o,days:c===null?t.map(l=>l.day):c.middles,weekly:s},b=B(t,l=>l.metric?.weightKg),p=B(t,l=>l.kpi.weightTrend),h=Pe(t,p),I=l=>l.map(X=>X===null?null:j(X,r)),K=B(t,l=>l.expenditure?.mid),x=B(t,l=>l.expenditure?.low),D=B(t,l=>l.expenditure?.high),g=Pe(t,K),w=B(t,l=>l.kpi.balanceKcal),k=B(t,l=>l.kpi.balance7dAvg),$=Pe(t,k),F=m(w),H=B(t,l=>l.metric?.steps),Z=B(t,l=>l.kpi.steps7dAvg),G=H.filter(l=>l!==null&&l>=n.stepsGoal).length,O=B(t,l=>l.metric?.sleepHours),re=B(t,l=>l.kpi.sleep7dAvg),d=O.filter(l=>l!==null),v=d.length?d.reduce((l,X)=>l+X,0)/d.length:null,f={tick:l=>R(l,"kcal"),value:l=>S(l,"kcal")},T=(l,X)=>l===null?"none in this range":`${X(l[1])} on ${l[0]}`;return[{...u,id:"chart-weight",title:`Weight (${V(r)})`,tick:l=>R(l,"kg"),value:l=>`${R(l,"kg")} ${V(r)}`,layers:[{kind:"dots",values:I(m(b)),className:"c-weight",label:"Weigh-ins"},{kind:"line",values:I(m(p)),className:"c-trend",label:"Trend"}],summary:`${R(we(b),"count")} weigh-ins. Trend: ${T(h,l=>q(l,r))}.`},{...u,id:"chart-expenditure",title:"Expenditure (kcal/day)",...f,layers:[{kind:"band",low:m(x),high:m(D),className:"c-band",label:"80 % interval"},{kind:"line",values:m(K),className:"c-expenditure",label:"Estimate"}],summary:`${R(we(K),"count")} days with an estimate. Latest: ${T(g,f.value)}.`},{...u,id:"chart-balance",title:"Daily balance (kcal)",...f,layers:[{kind:"bars",values:F.map(l=>l!==null&&l<0?l:null),className:"c-deficit",label:"Deficit"},{kind:"bars",values:F.map(l=>l!==null&&l>=0?l:null),className:"c-surplus",label:"Surplus"},{kind:"line",values:m(k),className:"c-average",label:"7-day average"},{kind:"rule",value:n.balanceGoalKcal,className:"c-goal",label:`Goal ${S(n.balanceGoalKcal,"kcal")}`}],summary:`${R(we(w),"count")} days with a balance. 7-day average: ${T($,f.value)}.`},{...u,id:"chart-steps",title:"Steps",tick:l=>R(l,"steps"),value:l=>`${R(l,"steps")} steps`,layers:[{kind:"bars",values:m(H),className:"c-steps",label:"Steps"},{kind:"line",values:m(Z),className:"c-average",label:"7-day average"},{kind:"rule",value:n.stepsGoal,className:"c-goal",label:`Goal ${S(n.stepsGoal,"steps")}`}],summary:`${R(we(H),"count")} days with steps, ${R(G,"count")} at or above the goal of ${S(n.stepsGoal,"steps")}.`},{...u,id:"chart-sleep",title:"Sleep (hours)",tick:l=>R(l,"hours"),value:l=>S(l,"hours"),layers:[{kind:"dots",values:m(O),className:"c-sleep",label:"Nights"},{kind:"line",values:m(re),className:"c-average",label:"7-day average"},{kind:"rule",value:n.sleepTargetHours,className:"c-goal",label:`Target ${S(n.sleepTargetHours,"hours")}`}],summary:`${R(d.length,"count")} nights logged, average ${S(v,"hours")} against the target of ${S(n.sleepTargetHours,"hours")}.`}]}function Pt(e){let t=a("figure",{class:"chart"});e.append(t);let n=getComputedStyle(t),r=t.clientWidth-parseFloat(n.paddingLeft)-parseFloat(n.paddingRight);return t.remove(),Math.floor(r)}var ve=0,De=null,Mt=null;function Lt(e){Mt=e}function Ct(e,t){let n=Pt(e);E(e,...t.map(r=>Tt(r,n,Mt))),De={specs:t,width:n}}var Ft=0;addEventListener("resize",()=>{clearTimeout(Ft),Ft=window.setTimeout(()=>{let e=document.getElementById("charts");De===null||e===null||Math.abs(Pt(e)-De.width)>4&&Ct(e,De.specs)},150)});async function Ht(e,t,n=null){let r=++ve,i=y("charts"),o=y("charts-status");n!==null&&xn(n==="all"?null:n),i.setAttribute("aria-busy","true"),o.textContent=`Loading ${e.start} to ${e.end}…`;try{let s=await kn(e);if(r!==ve)return;performance.mark("charts-data"),Ct(i,En(e,s,t)),o.textContent=`${R(s.length,"count")} logged days from ${e.start} to ${e.end}.`,await new Promise(c=>requestAnimationFrame(()=>setTimeout(c,0))),performance.mark("charts-drawn"),i.dataset.range=`${e.start}..${e.end}`}catch(s){r===ve&&(o.textContent=`Could not load the charts: ${M(s)}`)}finally{r===ve&&i.removeAttribute("aria-busy")}}var Rn=["latest-section","recent-section","charts-section","summaries-section"];function Ut(e){y("empty").hidden=!e;for(let t of Rn)y(t).hidden=e}var Hr=A(`
  fragment EntryFields on DailyMetric {
    date
    weightKg
    kcalIn
    steps
    sleepHours
  }
`),Sn=A(`
  query DayEntry($day: Date!) {
    dailyMetrics(start: $day, end: $day) {
      ...EntryFields
    }
  }
`),Tn=A(`
  mutation SaveDay($input: DailyMetricInput!) {
    upsertDailyMetric(input: $input) {
      ...EntryFields
    }
  }
`),In=A(`
  mutation DeleteDay($day: Date!) {
    deleteDailyMetrics(start: $day, end: $day)
  }
`),ue=e=>e,$e=[{key:"weightKg",noun:"Weight",label:e=>`Weight (${V(e)})`,range:he,whole:!1,unit:V,toApi:fe,fromApi:j,digits:1},{key:"kcalIn",noun:"Intake",label:()=>"Intake (kcal)",range:()=>({min:0,max:2e4}),whole:!1,unit:()=>"kcal",toApi:ue,fromApi:ue,digits:0},{key:"steps",noun:"Steps",label:()=>"Steps",range:()=>({min:0,max:1e5}),whole:!0,unit:()=>"steps",toApi:ue,fromApi:ue,digits:0},{key:"sleepHours",noun:"Sleep",label:()=>"Sleep (hours)",range:()=>({min:0,max:24}),whole:!1,unit:()=>"h",toApi:ue,fromApi:ue,digits:2}];function Nt(){let e=new Date,t=n=>String(n).padStart(2,"0");return`${e.getFullYear()}-${t(e.getMonth()+1)}-${t(e.getDate())}`}function Me(e){let t=e.trim().replace(",",".");return/^[+-]?(\d+\.?\d*|\.\d+)$/.test(t)?Number(t):NaN}function Kn(e,t){return String(Number(e.toFixed(t)))}function Ot(e,t,n){let r=t,i=null,o="",s=a("input",{type:"date",id:"entry-date",name:"date",required:!0,max:Nt()}),c=new Map,m=new Map,u=new Map,b=d=>{let v=`entry-${d.key}`,f=a("input",{type:"text",inputmode:d.whole?"numeric":"decimal",id:v,name:d.key,autocomplete:"off","aria-describedby":`${v}-error`}),T=a("label",{for:v},d.label(r)),l=a("p",{class:"field-error",id:`${v}-error`});return c.set(d.key,f),m.set(d.key,l),u.set(d.key,T),f.addEventListener("input",()=>{Z.add(d.key),l.textContent="",f.removeAttribute("aria-invalid")}),a("div",{class:`field field-${d.key}`},T,f,l)},[p,...h]=$e,I=p===void 0?null:b(p),K=a("details",{class:"entry-more"},a("summary",{},"Intake, steps, sleep"),a("div",{class:"entry-more-fields"},...h.map(b))),x=a("button",{type:"submit",id:"entry-save"},"Save"),D=a("button",{type:"button",id:"entry-delete",class:"secondary",hidden:!0},"Delete this day"),g=a("button",{type:"button",id:"entry-delete-confirm",class:"danger",hidden:!0},"Delete"),w=a("button",{type:"button",id:"entry-delete-keep",class:"secondary",hidden:!0},"Keep it"),k=a("p",{id:"entry-status",class:"status",role:"status"}),$=a("form",{id:"entry-form",class:"entry-form",novalidate:!0,"aria-labelledby":"entry-title"},a("div",{class:"entry-row"},a("div",{class:"field field-date"},a("label",{for:"entry-date"},"Day"),s),I),K,a("div",{class:"actions"},x,D,g,w),k);E(e,$);let F=()=>{for(let[d,v]of m)v.textContent="",c.get(d)?.removeAttribute("aria-invalid")},H=(d,v)=>{let f=m.get(d),T=c.get(d);f===void 0||T===void 0||(d!=="weightKg"&&(K.open=!0),f.textContent=v,T.setAttribute("aria-invalid","true"))},Z=new Set,G=(d,v=!1)=>{i=d;for(let f of $e){let T=d?.[f.key],l=c.get(f.key);v&&Z.has(f.key)||(Z.delete(f.key),l!==void 0&&(l.value=T==null?"":Kn(f.fromApi(T,r),f.digits)))}D.hidden=d===null,g.hidden=!0,w.hidden=!0},O=async(d,v)=>{o=d,F(),k.textContent="";try{let f=await L(Sn,{day:d});if(o!==d)return;G(f.dailyMetrics[0]??null,v),k.textContent=f.dailyMetrics[0]===void 0?`Nothing logged on ${d} yet.`:`${d} as stored.`}catch(f){o===d&&(k.textContent=`Could not load ${d}: ${M(f)}`)}},re=()=>{let d={date:s.value},v=!0;for(let f of $e){let T=c.get(f.key)?.value??"";if(T.trim()===""){i!==null&&i[f.key]!==null&&(d[f.key]=null);continue}let l=Me(T),{min:X,max:Qe}=f.range(r),je=f.digits===0?"count":"kg",tn=`from ${R(X,je)} to ${R(Qe,je)} ${f.unit(r)}`,Be=`${f.noun} must be ${f.whole?"a whole number ":""}${tn}.`;Number.isNaN(l)?(H(f.key,`"${T}" is not a number. ${Be}`),v=!1):l<X||l>Qe||f.whole&&!Number.isInteger(l)?(H(f.key,`Out of range. ${Be}`),v=!1):d[f.key]=f.toApi(l,r)}return v?d:null};return $.addEventListener("submit",d=>{if(d.preventDefault(),F(),!ie(s.value)){k.textContent="Choose a day first.";return}let v=re();if(v===null){k.textContent="Not saved: correct the marked field.";return}let f=s.value;x.disabled=!0,k.textContent="Saving…",performance.mark("entry-save"),L(Tn,{input:v}).then(T=>{o===f&&G(T.upsertDailyMetric),k.textContent=`Saved ${f}.`,n(f,"saved")}).catch(T=>{let l=T instanceof J?T.field:null;l!==null&&c.has(l)&&H(l,T instanceof Error?T.message:String(T)),k.textContent=`Not saved: ${M(T)}`}).finally(()=>{x.disabled=!1})}),D.addEventListener("click",()=>{D.hidden=!0,g.hidden=!1,w.hidden=!1,g.textContent=`Delete ${s.value} and all its values`,g.focus()}),w.addEventListener("click",()=>{D.hidden=!1,g.hidden=!0,w.hidden=!0,D.focus()}),g.addEventListener("click",()=>{let d=s.value;g.disabled=!0,k.textContent="Deleting…",L(In,{day:d}).then(v=>{G(null),k.textContent=v.deleteDailyMetrics>0?`Deleted ${d}.`:`Nothing was logged on ${d}.`,n(d,"deleted")}).catch(v=>{k.textContent=`Not deleted: ${M(v)}`,w.hidden=!0,g.hidden=!0,D.hidden=!1}).finally(()=>{g.disabled=!1})}),s.addEventListener("change",()=>{ie(s.value)&&O(s.value,!0)}),s.value=Nt(),O(s.value,!0),{open(d){s.value=d,O(d,!1),$.scrollIntoView({block:"start"}),c.get("weightKg")?.focus({preventScroll:!0})},setUnit(d){if(d!==r){r=d;for(let v of $e){let f=u.get(v.key);f!==void 0&&(f.textContent=v.label(r))}G(i)}}}}var Le=14;function qt(e,t,n,r,i){let o=y("recent-table"),s=new Map(n.map(u=>[u.date,u.weightTrend??null])),c=[...t].reverse().map(u=>{let b=s.get(u.date)??null,p=u.weightKg??null,h=p===null||b===null?null:p-b,I=a("button",{type:"button",class:"secondary small","aria-label":`Edit ${u.date}`},"Edit");return I.addEventListener("click",()=>i(u.date)),a("tr",{"data-date":u.date},a("th",{scope:"row"},u.date),a("td",{"data-label":"Scale"},q(p,r)),a("td",{"data-label":"Trend"},q(b,r)),a("td",{"data-label":"Difference"},h===null?"—":q(h,r,!0)),a("td",{},I))}),m=V(r);E(o,a("caption",{},`The last ${Le} days to ${e}, newest first (${m})`),a("thead",{},a("tr",{},...["Day","Scale","Trend","Difference"].map(u=>a("th",{scope:"col"},u)),a("th",{scope:"col"},a("span",{class:"visually-hidden"},"Edit")))),a("tbody",{},...c))}var An=A(`
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
`);function te(e,t,n,r,i=!1){return a("div",{class:"figure","data-figure":e},a("dt",{},t),a("dd",{class:i?"value missing":"value"},n),a("dd",{class:"detail"},r))}function Fn(e){if(e===null)return te("expenditure","Expenditure","No estimate","Too little intake and weight data yet, or too uncertain",!0);let t=e.low===null||e.high===null?"no interval":`80 % interval ${R(e.low,"kcal")}–${S(e.high,"kcal")}`;return te("expenditure","Expenditure",S(e.mid,"kcal"),`a day; ${t}`,e.mid===null)}async function Ce(e,t,n){let r=y("headline");y("headline-day").textContent=e;try{let i=await L(An,{day:e,recentStart:ge(e,1-Le)});qt(e,i.recent,i.recentKpis,ee(t),n);let o=i.kpis[0],s=i.dailyMetrics[0],c=ee(t);E(r,te("weight-trend","Weight trend",q(o?.weightTrend,c),`${q(o?.weightTrendChange7d,c,!0)} in 7 days`),te("scale-weight","Scale weight",q(s?.weightKg,c),s?.weightKg===null||s?.weightKg===void 0?`no weigh-in on ${e}`:`on ${e}`,s?.weightKg===null||s?.weightKg===void 0),Fn(be(o)),te("balance","7-day balance",S(o?.balance7dAvg,"kcal",!0),`a day, over ${o?.balance7dDays??0} of 7 days; goal ${S(t.balanceGoalKcal,"kcal",!0)}`),te("steps","Steps",S(s?.steps,"steps"),`7-day average ${S(o?.steps7dAvg,"steps")}; goal ${S(t.stepsGoal,"steps")}`),te("sleep","Sleep",S(s?.sleepHours,"hours"),`7-day average ${S(o?.sleep7dAvg,"hours")}; target ${S(t.sleepTargetHours,"hours")}`),te("protein","Protein",S(o?.proteinPerKg,"perKg"),`target ${S(t.proteinTargetGPerKg,"perKg")}`))}catch(i){E(r,a("p",{role:"alert"},`Could not load the latest day: ${M(i)}`))}}var Wt={min:-1.5,max:1};function Gt(e,t,n,r){if(e.trim()==="")return null;let i=Me(e),o=`from ${String(n.min)} to ${String(n.max)} ${V(t)}`;return Number.isNaN(i)||i<n.min||i>n.max?`${r} must be ${o}.`:fe(i,t)}function Pn(e,t,n){return e===null?"":String(Number(j(e,t).toFixed(n)))}var na=A(`
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
`),He=[{key:"heightCm",label:"Height (cm)",step:"0.1",min:"50",max:"272"},{key:"activityFactor",label:"Activity factor",step:"0.01",min:"1",max:"2.5"},{key:"stepsGoal",label:"Steps goal (steps a day)",step:"1",min:"0"},{key:"proteinTargetGPerKg",label:"Protein target (g per kg)",step:"0.1",min:"0"},{key:"balanceGoalKcal",label:"Balance goal (kcal a day)",step:"1"},{key:"sleepTargetHours",label:"Sleep target (hours)",step:"0.1",min:"0",max:"24"}];function ae(e,t,n){let r=a("p",{class:"field-error",id:`${e}-error`});return n.setAttribute("aria-describedby",`${e}-error`),n.addEventListener("input",()=>{r.textContent="",n.removeAttribute("aria-invalid")}),a("div",{class:"field"},a("label",{for:e},t),n,r)}function Ue(e,t){let n=document.getElementById(`profile-${e}`),r=document.getElementById(`profile-${e}-error`);return n===null||r===null?!1:(r.textContent=t,n.setAttribute("aria-invalid","true"),!0)}function _t(e,t){let n=a("select",{id:"profile-sex",name:"sex"},a("option",{value:"MALE",selected:e.sex==="MALE"},"Male"),a("option",{value:"FEMALE",selected:e.sex==="FEMALE"},"Female")),r=a("input",{type:"date",id:"profile-birthDate",name:"birthDate",value:e.birthDate??""}),i=He.map(x=>a("input",{type:"number",id:`profile-${x.key}`,name:x.key,step:x.step,min:x.min,max:x.max,required:x.key!=="heightCm",value:e[x.key]??""})),o=e.weightUnit,s=V(o),c=a("select",{id:"profile-weightUnit",name:"weightUnit"},a("option",{value:"KG",selected:o==="KG"},"Kilograms (kg)"),a("option",{value:"LB",selected:o==="LB"},"Pounds (lb)")),m=a("input",{type:"text",id:"profile-timeZone",name:"timeZone",value:e.timeZone,autocomplete:"off",placeholder:Intl.DateTimeFormat().resolvedOptions().timeZone}),u=(x,D)=>a("input",{type:"text",inputmode:"decimal",id:`profile-${x}`,name:x,value:Pn(e[x]??null,o,D)}),b=u("goalWeightKg",1),p=u("goalRateKgPerWeek",2),h={min:Math.ceil(j(Wt.min,o)*100)/100,max:Math.floor(j(Wt.max,o)*100)/100},I=y("profile-status"),K=a("form",{id:"profile-form",class:"profile-form",novalidate:!0},e.isDefault?a("p",{class:"note"},"This is the default profile: enter your own so the KPIs fit you."):null,a("div",{class:"fields"},ae("profile-sex","Sex (for the BMR formula)",n),ae("profile-birthDate","Birth date",r),...He.map((x,D)=>ae(`profile-${x.key}`,x.label,i[D]??a("input"))),ae("profile-weightUnit","Weight unit",c),ae("profile-goalWeightKg",`Goal weight (${s}; empty: none)`,b),ae("profile-goalRateKgPerWeek",`Rate (${s} a week, negative to lose)`,p),ae("profile-timeZone","Time zone (IANA name)",m)),a("button",{type:"submit"},"Save profile"));K.addEventListener("submit",x=>{x.preventDefault();let D={sex:n.value,birthDate:r.value===""?null:r.value};He.forEach(($,F)=>{let H=i[F]?.value??"";D[$.key]=H===""?null:Number(H)});for(let $ of K.querySelectorAll(".field-error"))$.textContent="";for(let $ of K.querySelectorAll("[aria-invalid]"))$.removeAttribute("aria-invalid");D.weightUnit=c.value,D.timeZone=m.value.trim();let g=Gt(b.value,o,he(o),"The goal weight"),w=Gt(p.value,o,h,"The rate");if([typeof g=="string"&&Ue("goalWeightKg",g),typeof w=="string"&&Ue("goalRateKgPerWeek",w)].some(Boolean)){I.textContent="Not saved: correct the marked field.";return}D.goalWeightKg=g,D.goalRateKgPerWeek=w,I.textContent="Saving and recomputing the KPIs…",L(Mn,{input:D}).then(()=>{I.textContent="Saved.",t()}).catch($=>{let F=$ instanceof J&&$.field!==null&&Ue($.field,$.message);I.textContent=F?"Not saved: correct the marked field.":`Not saved: ${M($)}`})}),E(y("profile"),K)}var xe=[{value:"30",label:"30 days",days:30},{value:"90",label:"90 days",days:90},{value:"365",label:"1 year",days:365},{value:"all",label:"All",days:null},{value:"custom",label:"Custom",days:null}];function Vt(){let e=new URLSearchParams(location.hash.slice(1)).get("range")??"90",t=/^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(e);return t?.[1]!==void 0&&t[2]!==void 0?{choice:"custom",custom:{start:t[1],end:t[2]}}:{choice:xe.find(r=>r.value===e&&r.value!=="custom")?.value??"90",custom:null}}var z=null,ne={first:"",last:""},Y="90",ke=null,Qt=()=>{};function Ln(e){let t=xe.find(n=>n.value===e);return e==="all"?{start:ne.first,end:ne.last}:t?.days?{start:ge(ne.last,1-t.days),end:ne.last}:ke??{start:ne.first,end:ne.last}}function Ee(){if(z===null)return;let e=Ln(Y);z.customForm.hidden=Y!=="custom",z.message.textContent="",z.from.value=e.start,z.to.value=e.end;let t=Y==="custom"?`${e.start}..${e.end}`:Y;history.replaceState(null,"",`#range=${t}`),Qt(e)}function Cn(){let e=a("input",{type:"date",id:"range-from",name:"from",required:!0}),t=a("input",{type:"date",id:"range-to",name:"to",required:!0}),n=a("p",{class:"form-error",role:"alert"}),r=a("form",{id:"range-custom-form",class:"range-custom",novalidate:!0},a("label",{for:"range-from"},"From"),e,a("label",{for:"range-to"},"To"),t,a("button",{type:"submit"},"Show"),n),i=xe.map(s=>a("input",{type:"radio",name:"range",value:s.value,id:`range-${s.value}`,checked:s.value===Y})),o=a("fieldset",{class:"range-presets"},a("legend",{},"Range"),...xe.map((s,c)=>a("span",{class:"choice"},i[c],a("label",{for:`range-${s.value}`},s.label))));for(let s of i)s.addEventListener("change",()=>{if(s.value==="custom"){r.hidden=!1,e.focus();return}Y=s.value,Ee()});return r.addEventListener("submit",s=>{s.preventDefault();let{first:c,last:m}=ne;!ie(e.value)||!ie(t.value)?n.textContent="Enter both dates.":e.value>t.value?n.textContent="The start date must not be after the end date.":e.value>m||t.value<c?n.textContent=`Nothing is logged then: choose days from ${c} to ${m}.`:(ke={start:e.value<c?c:e.value,end:t.value>m?m:t.value},Y="custom",Ee())}),E(y("range"),o,r),{from:e,to:t,message:n,customForm:r}}function jt(e,t,n){if(ne={first:e,last:t},Qt=n,z===null){let r=Vt();Y=r.choice,ke=r.custom,z=Cn(),addEventListener("hashchange",()=>{if(!location.hash.includes("range="))return;let i=Vt();Y=i.choice,ke=i.custom;let o=document.getElementById(`range-${Y}`);o instanceof HTMLInputElement&&(o.checked=!0),Ee()})}for(let r of[z.from,z.to])r.min=e,r.max=t;Ee()}var Hn=A(`
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
`),Un=e=>[["Days logged",t=>R(t.daysLogged,"count")],["Weight",t=>q(t.weightAvg,e)],["Trend at end",t=>q(t.weightTrendEnd,e)],["Balance a day",t=>S(t.balanceAvg,"kcal",!0)],["Steps a day",t=>S(t.stepsAvg,"steps")],["Steps goal met",t=>S(t.stepsGoalRate,"percent")],["Protein",t=>S(t.proteinPerKgAvg,"perKg")],["Sleep",t=>S(t.sleepAvg,"hours")]];function Nn(e){return e==="WEEK"?t=>se(t)===1:t=>C(t).endsWith("-01")}var Oe=null,Bt="KG",Ne=0;async function Zt(e,t){let n=++Ne,r=y("summaries-table"),i=y("summaries-status");try{let o=await Promise.all(le(e.start,e.end,me,Nn(t)).map(([u,b])=>L(Hn,{start:u,end:b,period:t})));if(n!==Ne)return;let s=o.flatMap(u=>u.kpiSummary).reverse(),c=t==="WEEK"?"Week":"Month",m=Un(Bt);E(r,a("caption",{},`${c}s from ${e.start} to ${e.end}, newest first`),a("thead",{},a("tr",{},a("th",{scope:"col"},c),...m.map(([u])=>a("th",{scope:"col"},u)))),a("tbody",{},...s.map(u=>a("tr",{},a("th",{scope:"row"},`${u.periodStart} – ${u.periodEnd}`),...m.map(([,b])=>a("td",{},b(u))))))),i.textContent=""}catch(o){n===Ne&&(i.textContent=`Could not load the summaries: ${M(o)}`)}}function Jt(){return y("period-month").checked?"MONTH":"WEEK"}function Yt(e,t){Oe=e,Bt=t,Zt(e,Jt())}function Xt(){for(let e of["period-week","period-month"])y(e).addEventListener("change",()=>{Oe!==null&&Zt(Oe,Jt())})}var Re=!0,wa=A(`
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
`),On=A(`
  query Ingestions($limit: Int!) {
    ingestions(limit: $limit) {
      ...ReportFields
    }
  }
`),qn=A(`
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
`),Wn=20,qe={APPLIED:"Applied",REJECTED:"Rejected",UNCHANGED:"Unchanged"},Gn={AUTO:"detected",HUB:"Health Metrics Hub CSV",MYFITNESSPAL:"MyFitnessPal",CRONOMETER:"Cronometer",WITHINGS:"Withings",GARMIN:"Garmin",GOOGLE_FIT:"Google Fit",FITBIT:"Fitbit",OURA:"Oura",WHOOP:"WHOOP",RENPHO:"Renpho",APPLE_HEALTH:"Apple Health",UNKNOWN:"not recognised"};function N(e){return R(e,"count")}function We(e){let t=[["Rows read",N(e.rowsRead)],["New days",N(e.rowsInserted)],["Updated days",N(e.rowsUpdated)],["Unchanged days",N(e.rowsUnchanged)],["Rejected rows",N(e.rowsRejected)],["Deleted days",N(e.rowsDeleted)],["Dates",e.firstDate===null?"—":`${e.firstDate} – ${e.lastDate??""}`],["KPI days recomputed",N(e.kpiDaysRecomputed)]],n=e.errors.length;return a("div",{class:"report"},a("dl",{class:"counts"},...t.map(([r,i])=>a("div",{},a("dt",{},r),a("dd",{},i)))),a("p",{},`Format: ${Gn[e.source]}. Columns: `,e.columns.length?e.columns.join(", "):"none recognised"),e.warnings.length>0&&a("div",{class:"warnings"},a("h4",{},`Warnings (${e.warnings.length})`),a("ul",{},...e.warnings.map(r=>a("li",{},r)))),e.errorCount>0&&a("table",{class:"errors"},a("caption",{},n<e.errorCount?`Errors: the first ${N(n)} of ${N(e.errorCount)}`:`Errors (${N(e.errorCount)})`),a("thead",{},a("tr",{},...["Row","Column","Value","Message"].map(r=>a("th",{scope:"col"},r)))),a("tbody",{},...e.errors.map(r=>a("tr",{},a("td",{},r.row===null?"—":String(r.row)),a("td",{},r.column??"—"),a("td",{},a("code",{},r.value??"")),a("td",{},r.message))))))}function _n(e){let t=e.filename??"(no file name)";return`${ye(e.createdAt)} · ${t} · ${qe[e.status]} · ${N(e.rowsRead)} rows read, ${N(e.errorCount)} errors`}async function Ge(){let e=y("history");try{let{ingestions:t}=await L(On,{limit:Wn});if(t.length===0){E(e,a("p",{},"No uploads yet."));return}E(e,...t.map(n=>a("details",{class:`ingestion status-${n.status}`,"data-id":n.id},a("summary",{},_n(n)),We(n))))}catch(t){E(e,a("p",{role:"alert"},`Could not load the upload history: ${M(t)}`))}}function zt(e){let t=y("upload-form"),n=y("upload-file"),r=y("upload-policy"),i=y("upload-date-order"),o=y("upload-submit"),s=y("upload-result");o.textContent=Re?"Preview":"Upload";let c=(p,h)=>rt(qn,{file:p,onInvalidRow:r.value,dateOrder:i.value,dryRun:h}).then(I=>I.importFile),m=p=>{E(s,a("h3",{},`${qe[p.status]}: ${p.filename??""}`),We(p)),p.status==="APPLIED"?e():Ge()},u=p=>{E(s,a("p",{role:"status"},Re?"Checking the file…":"Uploading…")),c(p,Re).then(h=>Re?b(p,h):m(h),h=>E(s,a("p",{role:"alert"},`Not uploaded: ${M(h)}`)))},b=(p,h)=>{let I=a("button",{type:"button",id:"upload-apply",disabled:h.status==="REJECTED"},"Apply"),K=h.status==="REJECTED"&&r.value==="REJECT_FILE"&&h.rowsRejected>0&&h.rowsRejected<h.rowsRead,x=a("button",{type:"button",id:"upload-skip"},`Skip the ${N(h.rowsRejected)} invalid rows and preview again`);x.addEventListener("click",()=>{r.value="SKIP_ROW",u(p)});let D=a("button",{type:"button",class:"secondary"},"Cancel");I.addEventListener("click",()=>{I.disabled=!0,E(s,a("p",{role:"status"},"Applying…")),c(p,!1).then(m,g=>{E(s,a("p",{role:"alert"},`Not applied: ${M(g)}`))})}),D.addEventListener("click",()=>E(s)),E(s,a("h3",{},`Preview: ${p.name} would be ${qe[h.status].toLowerCase()}`),a("p",{},"Nothing is stored yet."),We(h),K&&a("p",{},`${N(h.rowsRead-h.rowsRejected)} of ${N(h.rowsRead)} rows are valid.`),a("div",{class:"actions"},K&&x,I,D))};t.addEventListener("submit",p=>{p.preventDefault();let h=n.files?.[0];if(h===void 0){E(s,a("p",{role:"alert"},"Choose a file first."));return}u(h)}),n.addEventListener("change",()=>E(s))}var Vn=A(`
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
`),_e=null,oe=null,en=null,Ve=e=>_e?.open(e);function Qn(e){let t=en;if(oe===null||t===null){de(e);return}let n=e>oe.last?e:oe.last;Ce(n,t,Ve).then(()=>de(e,n))}async function de(e,t=null){let n=y("page-status");try{let{dataRange:r,profile:i}=await L(Vn),o=ee(i);en=i,(e===null||e==="all")&&(_t(i,()=>{de("all")}),Ge()),_e??=Ot(y("entry"),o,(m,u)=>u==="saved"?Qn(m):void de(m)),_e.setUnit(o);let{firstDate:s,lastDate:c}=r;Ut(s===null||c===null),oe=s===null||c===null?null:{first:s,last:c},y("download-csv").hidden=oe===null,s!==null&&c!==null?(y("days-logged").textContent=`${R(r.daysLogged,"count")} days logged, ${s} to ${c}`,c!==t&&Ce(c,i,Ve),jn(s,c,i,e)):y("days-logged").textContent="Nothing logged yet",n.textContent="",y("forget-token").hidden=ce()===null,document.body.dataset.loaded="true"}catch(r){n.textContent=`Could not reach the API: ${M(r)}`}}function jn(e,t,n,r){let i=r;jt(e,t,o=>{Ht(o,n,i),i=null,Yt(o,ee(n))})}function Bn(){y("forget-token").addEventListener("click",()=>{Ye(),pe().then(()=>location.reload())}),y("download-csv").addEventListener("click",()=>{if(oe===null)return;let{first:e,last:t}=oe,n=y("download-status");n.textContent="Preparing the file…",wt(e,t,me).then(r=>{vt(r,`healthhub-${e}-to-${t}.csv`),n.textContent=`Downloaded the days from ${e} to ${t}.`},r=>{n.textContent=`Could not download: ${M(r)}`})}),tt(e=>{let t=y("offline-status");t.hidden=e===null,e!==null&&(t.textContent=`Offline: the figures as last loaded, ${ye(e)}. Changes need the network.`)})}Lt(Ve);Bn();Xt();zt(()=>{de("all")});Ze();de(null);
