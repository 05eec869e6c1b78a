var Jt="/assets/sw.js";function Ge(){"serviceWorker"in navigator&&navigator.serviceWorker.register(Jt,{scope:"/"}).catch(()=>{})}async function de(){if(!("caches"in window))return;let e=await caches.keys();await Promise.all(e.filter(t=>t.startsWith("healthhub-figures")).map(t=>caches.delete(t)))}function xe(e,t,n){for(let[r,s]of Object.entries(t))s==null||s===!1||e.setAttribute(r,s===!0?"":String(s));for(let r of n)r==null||r===!1||e.append(r instanceof Node?r:String(r))}function a(e,t={},...n){let r=document.createElement(e);return xe(r,t,n),r}var Yt="http://www.w3.org/2000/svg";function _(e,t={},...n){let r=document.createElementNS(Yt,e);return xe(r,t,n),r}function g(e){let t=document.getElementById(e);if(t===null)throw new Error(`index.html has no #${e}`);return t}function $(e,...t){e.replaceChildren(),xe(e,{},t)}var Ee="healthhub.token";function le(){return sessionStorage.getItem(Ee)}var ke=null;document.addEventListener("DOMContentLoaded",()=>{g("token-dialog").addEventListener("cancel",e=>e.preventDefault())});function We(e){return ke??=new Promise(t=>{let n=g("token-dialog"),r=g("token-form"),s=g("token-input");g("token-rejected").hidden=!e,s.value="";let o=i=>{i.preventDefault();let p=s.value.trim();p!==""&&(r.removeEventListener("submit",o),sessionStorage.setItem(Ee,p),n.close(),ke=null,t(p))};r.addEventListener("submit",o),n.showModal(),s.focus()}),ke}function _e(){sessionStorage.removeItem(Ee)}var Xt=!0,Re="/graphql",B=class extends Error{constructor(n,r,s,o=null){super(n);this.code=r;this.status=s;this.field=o;this.name="ApiError"}code;status;field};function Se(){let e=le();return e===null?{}:{Authorization:`Bearer ${e}`}}function Ve(e){return/^\s*(?:query|mutation)\s+(\w+)/.exec(e)?.[1]??"anonymous"}async function Qe(e){let t=await e();for(;t.status===401;)de(),await We(le()!==null),t=await e();return t}var Zt="x-healthhub-saved-at",je=()=>{};function Be(e){je=e}async function Je(e,t){performance.mark(`response ${t}`),je(e.headers.get(Zt));let n;try{n=await e.json()}catch{throw new B(`The API answered ${e.status} without a JSON body`,null,e.status)}let r=n.errors?.[0];if(r!==void 0)throw new B(r.message,r.extensions?.code??null,e.status,r.extensions?.field??null);if(n.data===null||n.data===void 0)throw new B(`The API answered ${e.status} without data`,null,e.status);return n.data}async function A(e,...[t]){let n=e.toString(),r=Ve(n),s=Xt&&/^\s*query\b/.test(n);return Je(await Qe(()=>{if(s){let i=new URLSearchParams({query:n,variables:JSON.stringify(t??{})});return fetch(`${Re}?${i.toString()}`,{headers:Se()})}return fetch(Re,{method:"POST",headers:{...Se(),"Content-Type":"application/json"},body:JSON.stringify({query:n,variables:t??{}})})}),r)}async function Ye(e,t){let n=e.toString();return Je(await Qe(()=>{let s=new FormData;return s.append("operations",JSON.stringify({query:n,variables:{...t,file:null}})),s.append("map",JSON.stringify({0:["variables.file"]})),s.append("0",t.file,t.file.name),fetch(Re,{method:"POST",headers:{...Se(),"Apollo-Require-Preflight":"true"},body:s})}),Ve(n))}function T(e){return e instanceof B?e.code===null?e.message:`${e.message} (${e.code})`:e instanceof Error?e.message:String(e)}function V(e){return Math.round(Date.parse(`${e}T00:00:00Z`)/864e5)}function L(e){return new Date(e*864e5).toISOString().slice(0,10)}function ce(e,t){return L(V(e)+t)}function ae(e){return/^\d{4}-\d{2}-\d{2}$/.test(e)&&L(V(e))===e}function oe(e){return((e+3)%7+7)%7+1}function se(e,t,n,r=()=>!0){let s=V(t),o=[],i=V(e);for(;i<=s;){let p=Math.min(i+n-1,s);if(p<s){let c=p;for(;c>i&&!r(c+1);)c-=1;c>i&&(p=c)}o.push([L(i),L(p)]),i=p+1}return o}var C=class extends String{__apiType;value;__meta__;constructor(t,n){super(t),this.value=t,this.__meta__=n}toString(){return this.value}},Xe=new C(`
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
    `,{fragmentName:"ProfileFields"}),Ze=new C(`
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
    `,{fragmentName:"ReportFields"}),ze=new C(`
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
    `),et=new C(`
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
}`),tt=new C(`
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
    `),nt=new C(`
    query DayEntry($day: Date!) {
  dailyMetrics(start: $day, end: $day) {
    date
    weightKg
    kcalIn
    steps
    sleepHours
  }
}
    `),rt=new C(`
    mutation SaveDay($input: DailyMetricInput!) {
  upsertDailyMetric(input: $input) {
    date
    weightKg
    kcalIn
    steps
    sleepHours
  }
}
    `),at=new C(`
    mutation DeleteDay($day: Date!) {
  deleteDailyMetrics(start: $day, end: $day)
}
    `),ot=new C(`
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
    weightKg
    steps
    sleepHours
  }
}
    `),st=new C(`
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
}`),it=new C(`
    query Recent($start: Date!, $end: Date!) {
  dailyMetrics(start: $start, end: $end) {
    date
    weightKg
  }
  kpis(start: $start, end: $end) {
    date
    weightTrend
  }
}
    `),lt=new C(`
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
    `),ut=new C(`
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
}`),dt=new C(`
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
}`);var en={"\n  query ExportDays($start: Date!, $end: Date!) {\n    dailyMetrics(start: $start, end: $end) {\n      date\n      steps\n      proteinG\n      kcalIn\n      kcalJunkIn\n      kcalOutTraining\n      sleepHours\n      stress\n      weightKg\n      waistCm\n    }\n  }\n":ze,"\n  query Overview {\n    dataRange {\n      firstDate\n      lastDate\n      daysLogged\n    }\n    profile {\n      ...ProfileFields\n    }\n  }\n":et,"\n  query Series($start: Date!, $end: Date!) {\n    kpis(start: $start, end: $end) {\n      date\n      weightTrend\n      balanceKcal\n      balance7dAvg\n      steps7dAvg\n      sleep7dAvg\n      expenditureKcal\n      expenditureLowKcal\n      expenditureHighKcal\n    }\n    dailyMetrics(start: $start, end: $end) {\n      date\n      weightKg\n      steps\n      sleepHours\n    }\n  }\n":tt,"\n  query DayEntry($day: Date!) {\n    dailyMetrics(start: $day, end: $day) {\n      date\n      weightKg\n      kcalIn\n      steps\n      sleepHours\n    }\n  }\n":nt,"\n  mutation SaveDay($input: DailyMetricInput!) {\n    upsertDailyMetric(input: $input) {\n      date\n      weightKg\n      kcalIn\n      steps\n      sleepHours\n    }\n  }\n":rt,"\n  mutation DeleteDay($day: Date!) {\n    deleteDailyMetrics(start: $day, end: $day)\n  }\n":at,"\n  query LatestDay($day: Date!) {\n    kpis(start: $day, end: $day) {\n      weightTrend\n      weightTrendChange7d\n      balance7dAvg\n      balance7dDays\n      proteinPerKg\n      steps7dAvg\n      sleep7dAvg\n      expenditureKcal\n      expenditureLowKcal\n      expenditureHighKcal\n    }\n    dailyMetrics(start: $day, end: $day) {\n      weightKg\n      steps\n      sleepHours\n    }\n  }\n":ot,"\n  fragment ProfileFields on Profile {\n    sex\n    birthDate\n    heightCm\n    activityFactor\n    stepsGoal\n    proteinTargetGPerKg\n    balanceGoalKcal\n    sleepTargetHours\n    isDefault\n  }\n":Xe,"\n  mutation UpdateProfile($input: ProfileInput!) {\n    updateProfile(input: $input) {\n      ...ProfileFields\n    }\n  }\n":st,"\n  query Recent($start: Date!, $end: Date!) {\n    dailyMetrics(start: $start, end: $end) {\n      date\n      weightKg\n    }\n    kpis(start: $start, end: $end) {\n      date\n      weightTrend\n    }\n  }\n":it,"\n  query Summaries($start: Date!, $end: Date!, $period: Period!) {\n    kpiSummary(start: $start, end: $end, period: $period) {\n      periodStart\n      periodEnd\n      daysLogged\n      weightAvg\n      weightTrendEnd\n      balanceAvg\n      stepsAvg\n      stepsGoalRate\n      proteinPerKgAvg\n      sleepAvg\n    }\n  }\n":lt,"\n  fragment ReportFields on Ingestion {\n    id\n    filename\n    status\n    createdAt\n    rowsRead\n    rowsInserted\n    rowsUpdated\n    rowsUnchanged\n    rowsRejected\n    rowsDeleted\n    source\n    dryRun\n    firstDate\n    lastDate\n    kpiDaysRecomputed\n    columns\n    warnings\n    errorCount\n    errors {\n      row\n      column\n      value\n      message\n    }\n  }\n":Ze,"\n  query Ingestions($limit: Int!) {\n    ingestions(limit: $limit) {\n      ...ReportFields\n    }\n  }\n":ut,"\n  mutation ImportFile(\n    $file: Upload!\n    $onInvalidRow: InvalidRowPolicy!\n    $dateOrder: DateOrder!\n    $dryRun: Boolean!\n  ) {\n    importFile(file: $file, onInvalidRow: $onInvalidRow, dateOrder: $dateOrder, dryRun: $dryRun) {\n      ...ReportFields\n    }\n  }\n":dt};function R(e){return en[e]??{}}var tn=R(`
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
`),ct=[["date","date"],["steps_n","steps"],["proteins_g","proteinG"],["kcal_in","kcalIn"],["kcal_junk_in","kcalJunkIn"],["kcal_out_training","kcalOutTraining"],["sleep_hours","sleepHours"],["stress_rel","stress"],["weight_kg","weightKg"],["waist_cm","waistCm"]];async function pt(e,t,n){let r=await Promise.all(se(e,t,n).map(([o,i])=>A(tn,{start:o,end:i}))),s=[ct.map(([o])=>o).join(",")];for(let o of r)for(let i of o.dailyMetrics)s.push(ct.map(([,p])=>i[p]===null?"":String(i[p])).join(","));return`${s.join(`
`)}
`}function mt(e,t){let n=URL.createObjectURL(new Blob([e],{type:"text/csv"})),r=document.createElement("a");r.href=n,r.download=t,document.body.append(r),r.click(),r.remove(),setTimeout(()=>URL.revokeObjectURL(n),1e4)}var nn={kg:1,hours:1,kcal:0,steps:0,perKg:2,percent:0,count:0},rn={kg:" kg",hours:" h",kcal:" kcal",steps:"",perKg:" g/kg",percent:" %",count:""},gt=new Map;function an(e,t){let n=`${e}:${t}`,r=gt.get(n);return r===void 0&&(r=new Intl.NumberFormat("en-US",{minimumFractionDigits:e,maximumFractionDigits:e,roundingMode:"halfExpand",signDisplay:t?"exceptZero":"negative"}),gt.set(n,r)),r}function x(e,t,n=!1){return e==null?"—":an(nn[t],n).format(t==="percent"?e*100:e)}function k(e,t,n=!1){return e==null?"—":x(e,t,n)+rn[t]}var on=new Intl.DateTimeFormat("en-CA",{year:"numeric",month:"2-digit",day:"2-digit",hour:"2-digit",minute:"2-digit",hourCycle:"h23",timeZoneName:"short"});function pe(e){let t=Object.fromEntries(on.formatToParts(new Date(e)).map(n=>[n.type,n.value]));return`${t.year}-${t.month}-${t.day} ${t.hour}:${t.minute} ${t.timeZoneName}`}var ht=.45359237,yt={min:20,max:400};function Y(e){return e==="LB"?"lb":"kg"}function ne(e,t){return t==="LB"?e/ht:e}function bt(e,t){let n=t==="LB"?e*ht:e;return Math.round(n*1e3)/1e3}function sn(e,t,n=!1){return e==null?"—":x(ne(e,t),"kg",n)}function U(e,t,n=!1){return e==null?"—":`${sn(e,t,n)} ${Y(t)}`}function wt(e){let t=Math.ceil(ne(yt.min,e)*10)/10,n=Math.floor(ne(yt.max,e)*10)/10;return{min:t,max:n}}function re(e){return e.weightUnit==="LB"?"LB":"KG"}var M={left:52,right:10,top:12,bottom:28},$t=["Jan","Feb","Mar","Apr","May","Jun","Jul","Aug","Sep","Oct","Nov","Dec"],vt=15,ln=6.9;function un(e,t){let n=e/t,r=10**Math.floor(Math.log10(n));return([1,2,2.5,5,10].find(o=>o*r>=n)??10)*r}function dn(e){let t=1/0,n=-1/0,r=o=>{o!==null&&(o<t&&(t=o),o>n&&(n=o))};for(let o of e)o.kind==="rule"?r(o.value):o.kind==="band"?(o.low.forEach(r),o.high.forEach(r)):(o.values.forEach(r),o.kind==="bars"&&r(o.base??0));if(t===1/0)return[0,1,.25];if(t===n){let o=Math.abs(t)*.05||1;t-=o,n+=o}let s=un(n-t,4);return[Math.floor(t/s)*s,Math.ceil(n/s)*s,s]}function Dt(e){return`${Number(e.slice(8))} ${$t[Number(e.slice(5,7))-1]??""}`}function cn(e,t,n){let r=t-e+1,s=[],o;if(r<=10){for(let u=e;u<=t;u++)s.push(u);o=Dt}else if(r<=100){for(let u=e;u<=t;u++)oe(u)===1&&s.push(u);o=Dt}else if(r<=1100){for(let u=e;u<=t;u++)L(u).endsWith("-01")&&s.push(u);o=u=>$t[Number(u.slice(5,7))-1]??""}else{for(let u=e;u<=t;u++)L(u).endsWith("-01-01")&&s.push(u);o=u=>u.slice(0,4)}let i=Math.max(1,Math.ceil(s.length/Math.max(n,1)));s=s.filter((u,h)=>h%i===0);let p=[],c="";for(let u of s){let h=L(u),m=o(h);h.slice(0,4)!==c&&!/^\d{4}$/.test(m)&&(m=`${m} ${h.slice(0,4)}`),c=h.slice(0,4),p.push([u,m])}return p}function xt(e,t,n){let r=`${e.id}-title`,s=`${e.id}-summary`,o=Math.max(Math.round(t),260),i=Math.round(Math.min(Math.max(o*.45,190),250)),p=o-M.left-M.right,c=i-M.top-M.bottom,u=a("figcaption",{},a("h3",{id:r},e.title),e.weekly&&a("p",{class:"chart-note"},"Weekly averages: over 400 days, each point is one week.")),h=a("p",{id:s,class:"chart-summary"},e.summary),[m,b,K]=dn(e.layers),P=!e.layers.some(d=>d.kind!=="rule"&&(d.kind==="band"?d.low:d.values).some(w=>w!==null)),H=p/(e.end-e.start+1),S=d=>M.left+(d-e.start+.5)*H,f=d=>M.top+c-(d-m)/(b-m)*c,v=d=>d.toFixed(1),D=[],I=[];for(let d=m;!P&&d<=b+K/2;d+=K)D.push(`M${M.left} ${v(f(d))}H${o-M.right}`),I.push(_("text",{x:M.left-6,y:v(f(d)+4),class:"tick tick-y"},e.tick(d)));for(let[d,w]of cn(e.start,e.end,Math.floor(p/80)))D.push(`M${v(S(d))} ${i-M.bottom}v4`),I.push(_("text",{x:v(S(d)),y:i-8,class:"tick tick-x"},w));let F=e.layers.map(d=>{let w=pn(d,e.days,S,f,H*(e.weekly?7:1),v,o);return _("path",{d:w===""?null:w,class:`layer ${d.kind} ${d.className}`})});if(P){let d=M.top+c/2;I.push(_("text",{x:M.left+p/2,y:d,class:"no-data"},"No data in this range"))}let O=e.days.length,j=_("svg",{viewBox:`0 0 ${o} ${i}`,width:o,height:i,role:"img",tabindex:P?null:0,"aria-labelledby":r,"aria-describedby":s,class:O>p/2?"chart-svg dense":"chart-svg"},_("path",{d:D.join(""),class:"grid"}),...F,...I),W=a("p",{class:"readout","aria-live":"polite"}),N=a("figure",{class:"chart",id:e.id},u,j),te=a("ul",{class:"legend"},...e.layers.map(d=>a("li",{},a("span",{class:`key key-${d.kind} ${d.className}`}),d.label)));return N.append(te,W,h),P||gn(j,W,e,{x:S,width:o,height:i,dayWidth:H},n),N}function pn(e,t,n,r,s,o,i){let p=[];switch(e.kind){case"rule":return`M${M.left} ${o(r(e.value))}H${i-M.right}`;case"dots":e.values.forEach((c,u)=>{c!==null&&p.push(`M${o(n(t[u]??0))} ${o(r(c))}h0`)});break;case"line":{let c=!1;e.values.forEach((u,h)=>{if(u===null){c=!1;return}p.push(`${c?"L":"M"}${o(n(t[h]??0))} ${o(r(u))}`),c=!0});break}case"bars":{let c=Math.max(s*.7,.6),u=r(e.base??0);e.values.forEach((h,m)=>{if(h===null)return;let b=n(t[m]??0)-c/2;p.push(`M${o(b)} ${o(u)}V${o(r(h))}h${o(c)}V${o(u)}Z`)});break}case"band":{let c=[],u=()=>{if(c.length>0){let h=c.map(b=>`${o(n(t[b]??0))} ${o(r(e.high[b]??0))}`),m=c.map(b=>`${o(n(t[b]??0))} ${o(r(e.low[b]??0))}`).reverse();p.push(`M${h.join("L")}L${m.join("L")}Z`)}c=[]};e.low.forEach((h,m)=>{h===null||e.high[m]===null||e.high[m]===void 0?u():c.push(m)}),u();break}}return p.join("")}function mn(e,t){let n=[];for(let r of e.layers){if(r.kind==="rule")continue;if(r.kind==="band"){let o=r.low[t],i=r.high[t];o!=null&&i!==null&&i!==void 0&&n.push(`${r.label}: ${e.tick(o)}–${e.value(i)}`);continue}let s=r.values[t];s!=null&&n.push(`${r.label}: ${e.value(s)}`)}return n}function gn(e,t,n,r,s){let o=_("path",{class:"cursor-line"}),i=_("rect",{class:"cursor-box",rx:4}),p=_("text",{class:"cursor-text"}),c=_("g",{class:"cursor",visibility:"hidden","aria-hidden":"true"},o,i,p);e.append(c);let u=a("span",{class:"readout-text"}),h=a("button",{type:"button",class:"secondary small readout-edit",hidden:!0},"Edit this day");t.append(u,h);let m=-1,b=f=>{let v=0,D=n.days.length-1;for(;v<D;){let F=v+D>>1;(n.days[F]??0)<f?v=F+1:D=F}let I=v-1;return I>=0&&f-(n.days[I]??0)<(n.days[v]??0)-f?I:v},K=f=>{let v=n.days[f];if(v===void 0)return;m=f;let D=r.x(v);o.setAttribute("d",`M${D.toFixed(1)} ${M.top}V${r.height-M.bottom}`);let I=n.weekly?`Week of ${L(v-3)}`:L(v),F=[I,...mn(n,f)];p.replaceChildren(...F.map((N,te)=>_("tspan",{x:0,dy:te===0?0:vt},N)));let O=Math.max(...F.map(N=>N.length))*ln+12,j=F.length*vt+8,W=D+8+O>r.width-M.right?Math.max(D-8-O,0):D+8;i.setAttribute("x",W.toFixed(1)),i.setAttribute("y",String(M.top)),i.setAttribute("width",O.toFixed(1)),i.setAttribute("height",String(j)),p.setAttribute("transform",`translate(${(W+6).toFixed(1)} ${M.top+15})`),c.setAttribute("visibility","visible"),u.textContent=`${F[0]??""}: ${F.slice(1).join("; ")||"no value"}`,h.hidden=s===null||n.weekly,h.setAttribute("aria-label",`Edit ${I}`),h.textContent=`Edit ${I}`},P=()=>{c.setAttribute("visibility","hidden")},H=f=>{if(n.days.length===0)return;let v=e.getBoundingClientRect(),D=(f-v.left)/v.width*r.width;K(b(n.start+Math.floor((D-M.left)/r.dayWidth)))},S=!1;e.addEventListener("pointerdown",f=>{S=!0,e.setPointerCapture(f.pointerId),H(f.clientX)}),e.addEventListener("pointermove",f=>H(f.clientX)),e.addEventListener("pointerup",()=>{S=!1}),e.addEventListener("pointercancel",()=>{S=!1}),e.addEventListener("pointerleave",f=>{!S&&f.pointerType==="mouse"&&P()}),e.addEventListener("focus",()=>K(m>=0?m:n.days.length-1)),e.addEventListener("blur",P),e.addEventListener("keydown",f=>{let v=n.days.length-1,I={ArrowLeft:Math.max(m-1,0),ArrowRight:Math.min(m+1,v),Home:0,End:v,PageUp:Math.max(m-7,0),PageDown:Math.min(m+7,v)}[f.key];I!==void 0?(f.preventDefault(),K(I)):f.key==="Enter"&&s!==null&&!n.weekly&&m>=0?(f.preventDefault(),s(L(n.days[m]??0))):f.key==="Escape"&&P()}),h.addEventListener("click",()=>{let f=n.days[m];s!==null&&f!==void 0&&s(L(f))})}function me(e){return e?.expenditureKcal===null||e?.expenditureKcal===void 0?null:{mid:e.expenditureKcal,low:e.expenditureLowKcal??null,high:e.expenditureHighKcal??null}}var kt=400;function Et(e){let t=[],n=[];return e.forEach((r,s)=>{let o=r-(oe(r)-1);t.at(-1)!==o+3&&(t.push(o+3),n.push([])),n.at(-1)?.push(s)}),{middles:t,members:n}}function Rt(e,t){return t.map(n=>{let r=0,s=0;for(let o of n){let i=e[o];i!=null&&(r+=i,s+=1)}return s===0?null:r/s})}var ue=3660,yn=R(`
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
`);async function Ie(e,t){let n=await Promise.all(se(L(e),L(t),ue).map(([s,o])=>A(yn,{start:s,end:o}))),r=[];for(let s of n){let o=new Map(s.dailyMetrics.map(i=>[i.date,i]));for(let i of s.kpis)r.push({day:V(i.date),date:i.date,kpi:i,metric:o.get(i.date),expenditure:me(i)})}return r}var G=null;function fn(e){if(G===null)return;let t=e===null?-1/0:V(e);G.days=G.days.filter(n=>n.day<t),G.end=Math.min(G.end,t-1),G.end<G.start&&(G=null)}async function hn(e){let t=V(e.start),n=V(e.end),r=G;if(r===null||n<r.start-1||t>r.end+1)G={start:t,end:n,days:await Ie(t,n)};else{let[s,o]=await Promise.all([t<r.start?Ie(t,r.start-1):Promise.resolve([]),n>r.end?Ie(r.end+1,n):Promise.resolve([])]);if(G===r)G={start:Math.min(t,r.start),end:Math.max(n,r.end),days:[...s,...r.days,...o]};else return[...s,...r.days,...o].filter(i=>i.day>=t&&i.day<=n)}return G.days.filter(s=>s.day>=t&&s.day<=n)}function ge(e){return e.filter(t=>t!==null).length}function Te(e,t){for(let n=t.length-1;n>=0;n--){let r=t[n],s=e[n];if(r!=null&&s!==void 0)return[s.date,r]}return null}function Q(e,t){return e.map(n=>t(n)??null)}function bn(e,t,n){let r=re(n),s=V(e.start),o=V(e.end),i=o-s+1>kt,p=i?Et(t.map(l=>l.day)):null,c=l=>p===null?[...l]:Rt(l,p.members),u={start:s,end:o,days:p===null?t.map(l=>l.day):p.middles,weekly:i},h=Q(t,l=>l.metric?.weightKg),m=Q(t,l=>l.kpi.weightTrend),b=Te(t,m),K=l=>l.map(J=>J===null?null:ne(J,r)),P=Q(t,l=>l.expenditure?.mid),H=Q(t,l=>l.expenditure?.low),S=Q(t,l=>l.expenditure?.high),f=Te(t,P),v=Q(t,l=>l.kpi.balanceKcal),D=Q(t,l=>l.kpi.balance7dAvg),I=Te(t,D),F=c(v),O=Q(t,l=>l.metric?.steps),j=Q(t,l=>l.kpi.steps7dAvg),W=O.filter(l=>l!==null&&l>=n.stepsGoal).length,N=Q(t,l=>l.metric?.sleepHours),te=Q(t,l=>l.kpi.sleep7dAvg),d=N.filter(l=>l!==null),w=d.length?d.reduce((l,J)=>l+J,0)/d.length:null,y={tick:l=>x(l,"kcal"),value:l=>k(l,"kcal")},E=(l,J)=>l===null?"none in this range":`${J(l[1])} on ${l[0]}`;return[{...u,id:"chart-weight",title:`Weight (${Y(r)})`,tick:l=>x(l,"kg"),value:l=>`${x(l,"kg")} ${Y(r)}`,layers:[{kind:"dots",values:K(c(h)),className:"c-weight",label:"Weigh-ins"},{kind:"line",values:K(c(m)),className:"c-trend",label:"Trend"}],summary:`${x(ge(h),"count")} weigh-ins. Trend: ${E(b,l=>U(l,r))}.`},{...u,id:"chart-expenditure",title:"Expenditure (kcal/day)",...y,layers:[{kind:"band",low:c(H),high:c(S),className:"c-band",label:"80 % interval"},{kind:"line",values:c(P),className:"c-expenditure",label:"Estimate"}],summary:`${x(ge(P),"count")} days with an estimate. Latest: ${E(f,y.value)}.`},{...u,id:"chart-balance",title:"Daily balance (kcal)",...y,layers:[{kind:"bars",values:F.map(l=>l!==null&&l<0?l:null),className:"c-deficit",label:"Deficit"},{kind:"bars",values:F.map(l=>l!==null&&l>=0?l:null),className:"c-surplus",label:"Surplus"},{kind:"line",values:c(D),className:"c-average",label:"7-day average"},{kind:"rule",value:n.balanceGoalKcal,className:"c-goal",label:`Goal ${k(n.balanceGoalKcal,"kcal")}`}],summary:`${x(ge(v),"count")} days with a balance. 7-day average: ${E(I,y.value)}.`},{...u,id:"chart-steps",title:"Steps",tick:l=>x(l,"steps"),value:l=>`${x(l,"steps")} steps`,layers:[{kind:"bars",values:c(O),className:"c-steps",label:"Steps"},{kind:"line",values:c(j),className:"c-average",label:"7-day average"},{kind:"rule",value:n.stepsGoal,className:"c-goal",label:`Goal ${k(n.stepsGoal,"steps")}`}],summary:`${x(ge(O),"count")} days with steps, ${x(W,"count")} at or above the goal of ${k(n.stepsGoal,"steps")}.`},{...u,id:"chart-sleep",title:"Sleep (hours)",tick:l=>x(l,"hours"),value:l=>k(l,"hours"),layers:[{kind:"dots",values:c(N),className:"c-sleep",label:"Nights"},{kind:"line",values:c(te),className:"c-average",label:"7-day average"},{kind:"rule",value:n.sleepTargetHours,className:"c-goal",label:`Target ${k(n.sleepTargetHours,"hours")}`}],summary:`${x(d.length,"count")} nights logged, average ${k(w,"hours")} against the target of ${k(n.sleepTargetHours,"hours")}.`}]}function It(e){let t=a("figure",{class:"chart"});e.append(t);let n=getComputedStyle(t),r=t.clientWidth-parseFloat(n.paddingLeft)-parseFloat(n.paddingRight);return t.remove(),Math.floor(r)}var ye=0,fe=null,Tt=null;function At(e){Tt=e}function Mt(e,t){let n=It(e);$(e,...t.map(r=>xt(r,n,Tt))),fe={specs:t,width:n}}var St=0;addEventListener("resize",()=>{clearTimeout(St),St=window.setTimeout(()=>{let e=document.getElementById("charts");fe===null||e===null||Math.abs(It(e)-fe.width)>4&&Mt(e,fe.specs)},150)});async function Pt(e,t,n=null){let r=++ye,s=g("charts"),o=g("charts-status");n!==null&&fn(n==="all"?null:n),s.setAttribute("aria-busy","true"),o.textContent=`Loading ${e.start} to ${e.end}…`;try{let i=await hn(e);if(r!==ye)return;performance.mark("charts-data"),Mt(s,bn(e,i,t)),o.textContent=`${x(i.length,"count")} logged days from ${e.start} to ${e.end}.`,await new Promise(p=>requestAnimationFrame(()=>setTimeout(p,0))),performance.mark("charts-drawn"),s.dataset.range=`${e.start}..${e.end}`}catch(i){r===ye&&(o.textContent=`Could not load the charts: ${T(i)}`)}finally{r===ye&&s.removeAttribute("aria-busy")}}var wn=["latest-section","recent-section","charts-section","summaries-section"];function Kt(e){g("empty").hidden=!e;for(let t of wn)g(t).hidden=e}var vn=R(`
  query DayEntry($day: Date!) {
    dailyMetrics(start: $day, end: $day) {
      date
      weightKg
      kcalIn
      steps
      sleepHours
    }
  }
`),Dn=R(`
  mutation SaveDay($input: DailyMetricInput!) {
    upsertDailyMetric(input: $input) {
      date
      weightKg
      kcalIn
      steps
      sleepHours
    }
  }
`),$n=R(`
  mutation DeleteDay($day: Date!) {
    deleteDailyMetrics(start: $day, end: $day)
  }
`),ie=e=>e,he=[{key:"weightKg",noun:"Weight",label:e=>`Weight (${Y(e)})`,range:wt,whole:!1,unit:Y,toApi:bt,fromApi:ne,digits:1},{key:"kcalIn",noun:"Intake",label:()=>"Intake (kcal)",range:()=>({min:0,max:2e4}),whole:!1,unit:()=>"kcal",toApi:ie,fromApi:ie,digits:0},{key:"steps",noun:"Steps",label:()=>"Steps",range:()=>({min:0,max:1e5}),whole:!0,unit:()=>"steps",toApi:ie,fromApi:ie,digits:0},{key:"sleepHours",noun:"Sleep",label:()=>"Sleep (hours)",range:()=>({min:0,max:24}),whole:!1,unit:()=>"h",toApi:ie,fromApi:ie,digits:2}];function Ft(){let e=new Date,t=n=>String(n).padStart(2,"0");return`${e.getFullYear()}-${t(e.getMonth()+1)}-${t(e.getDate())}`}function xn(e){let t=e.trim().replace(",",".");return/^[+-]?(\d+\.?\d*|\.\d+)$/.test(t)?Number(t):NaN}function kn(e,t){return String(Number(e.toFixed(t)))}function Lt(e,t,n){let r=t,s=null,o="",i=a("input",{type:"date",id:"entry-date",name:"date",required:!0,max:Ft()}),p=new Map,c=new Map,u=new Map,h=d=>{let w=`entry-${d.key}`,y=a("input",{type:"text",inputmode:d.whole?"numeric":"decimal",id:w,name:d.key,autocomplete:"off","aria-describedby":`${w}-error`}),E=a("label",{for:w},d.label(r)),l=a("p",{class:"field-error",id:`${w}-error`});return p.set(d.key,y),c.set(d.key,l),u.set(d.key,E),y.addEventListener("input",()=>{j.add(d.key),l.textContent="",y.removeAttribute("aria-invalid")}),a("div",{class:`field field-${d.key}`},E,y,l)},[m,...b]=he,K=m===void 0?null:h(m),P=a("details",{class:"entry-more"},a("summary",{},"Intake, steps, sleep"),a("div",{class:"entry-more-fields"},...b.map(h))),H=a("button",{type:"submit",id:"entry-save"},"Save"),S=a("button",{type:"button",id:"entry-delete",class:"secondary",hidden:!0},"Delete this day"),f=a("button",{type:"button",id:"entry-delete-confirm",class:"danger",hidden:!0},"Delete"),v=a("button",{type:"button",id:"entry-delete-keep",class:"secondary",hidden:!0},"Keep it"),D=a("p",{id:"entry-status",class:"status",role:"status"}),I=a("form",{id:"entry-form",class:"entry-form",novalidate:!0,"aria-labelledby":"entry-title"},a("div",{class:"entry-row"},a("div",{class:"field field-date"},a("label",{for:"entry-date"},"Day"),i),K),P,a("div",{class:"actions"},H,S,f,v),D);$(e,I);let F=()=>{for(let[d,w]of c)w.textContent="",p.get(d)?.removeAttribute("aria-invalid")},O=(d,w)=>{let y=c.get(d),E=p.get(d);y===void 0||E===void 0||(d!=="weightKg"&&(P.open=!0),y.textContent=w,E.setAttribute("aria-invalid","true"))},j=new Set,W=(d,w=!1)=>{s=d;for(let y of he){let E=d?.[y.key],l=p.get(y.key);w&&j.has(y.key)||(j.delete(y.key),l!==void 0&&(l.value=E==null?"":kn(y.fromApi(E,r),y.digits)))}S.hidden=d===null,f.hidden=!0,v.hidden=!0},N=async(d,w)=>{o=d,F(),D.textContent="";try{let y=await A(vn,{day:d});if(o!==d)return;W(y.dailyMetrics[0]??null,w),D.textContent=y.dailyMetrics[0]===void 0?`Nothing logged on ${d} yet.`:`${d} as stored.`}catch(y){o===d&&(D.textContent=`Could not load ${d}: ${T(y)}`)}},te=()=>{let d={date:i.value},w=!0;for(let y of he){let E=p.get(y.key)?.value??"";if(E.trim()===""){s!==null&&s[y.key]!==null&&(d[y.key]=null);continue}let l=xn(E),{min:J,max:Oe}=y.range(r),Ne=y.digits===0?"count":"kg",Bt=`from ${x(J,Ne)} to ${x(Oe,Ne)} ${y.unit(r)}`,Ue=`${y.noun} must be ${y.whole?"a whole number ":""}${Bt}.`;Number.isNaN(l)?(O(y.key,`"${E}" is not a number. ${Ue}`),w=!1):l<J||l>Oe||y.whole&&!Number.isInteger(l)?(O(y.key,`Out of range. ${Ue}`),w=!1):d[y.key]=y.toApi(l,r)}return w?d:null};return I.addEventListener("submit",d=>{if(d.preventDefault(),F(),!ae(i.value)){D.textContent="Choose a day first.";return}let w=te();if(w===null){D.textContent="Not saved: correct the marked field.";return}let y=i.value;H.disabled=!0,D.textContent="Saving…",performance.mark("entry-save"),A(Dn,{input:w}).then(E=>{o===y&&W(E.upsertDailyMetric),D.textContent=`Saved ${y}.`,n(y)}).catch(E=>{let l=E instanceof B?E.field:null;l!==null&&p.has(l)&&O(l,E instanceof Error?E.message:String(E)),D.textContent=`Not saved: ${T(E)}`}).finally(()=>{H.disabled=!1})}),S.addEventListener("click",()=>{S.hidden=!0,f.hidden=!1,v.hidden=!1,f.textContent=`Delete ${i.value} and all its values`,f.focus()}),v.addEventListener("click",()=>{S.hidden=!1,f.hidden=!0,v.hidden=!0,S.focus()}),f.addEventListener("click",()=>{let d=i.value;f.disabled=!0,D.textContent="Deleting…",A($n,{day:d}).then(w=>{W(null),D.textContent=w.deleteDailyMetrics>0?`Deleted ${d}.`:`Nothing was logged on ${d}.`,n(d)}).catch(w=>{D.textContent=`Not deleted: ${T(w)}`,v.hidden=!0,f.hidden=!0,S.hidden=!1}).finally(()=>{f.disabled=!1})}),i.addEventListener("change",()=>{ae(i.value)&&N(i.value,!0)}),i.value=Ft(),N(i.value,!0),{open(d){i.value=d,N(d,!1),I.scrollIntoView({block:"start"}),p.get("weightKg")?.focus({preventScroll:!0})},setUnit(d){if(d!==r){r=d;for(let w of he){let y=u.get(w.key);y!==void 0&&(y.textContent=w.label(r))}W(s)}}}}var En=R(`
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
      weightKg
      steps
      sleepHours
    }
  }
`);function Z(e,t,n,r,s=!1){return a("div",{class:"figure","data-figure":e},a("dt",{},t),a("dd",{class:s?"value missing":"value"},n),a("dd",{class:"detail"},r))}function Rn(e){if(e===null)return Z("expenditure","Expenditure","No estimate","Too little intake and weight data yet, or too uncertain",!0);let t=e.low===null||e.high===null?"no interval":`80 % interval ${x(e.low,"kcal")}–${k(e.high,"kcal")}`;return Z("expenditure","Expenditure",k(e.mid,"kcal"),`a day; ${t}`,e.mid===null)}async function Ct(e,t){let n=g("headline");g("headline-day").textContent=e;try{let r=await A(En,{day:e}),s=r.kpis[0],o=r.dailyMetrics[0],i=re(t);$(n,Z("weight-trend","Weight trend",U(s?.weightTrend,i),`${U(s?.weightTrendChange7d,i,!0)} in 7 days`),Z("scale-weight","Scale weight",U(o?.weightKg,i),o?.weightKg===null||o?.weightKg===void 0?`no weigh-in on ${e}`:`on ${e}`,o?.weightKg===null||o?.weightKg===void 0),Rn(me(s)),Z("balance","7-day balance",k(s?.balance7dAvg,"kcal",!0),`a day, over ${s?.balance7dDays??0} of 7 days; goal ${k(t.balanceGoalKcal,"kcal",!0)}`),Z("steps","Steps",k(o?.steps,"steps"),`7-day average ${k(s?.steps7dAvg,"steps")}; goal ${k(t.stepsGoal,"steps")}`),Z("sleep","Sleep",k(o?.sleepHours,"hours"),`7-day average ${k(s?.sleep7dAvg,"hours")}; target ${k(t.sleepTargetHours,"hours")}`),Z("protein","Protein",k(s?.proteinPerKg,"perKg"),`target ${k(t.proteinTargetGPerKg,"perKg")}`))}catch(r){$(n,a("p",{role:"alert"},`Could not load the latest day: ${T(r)}`))}}var Wr=R(`
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
`),Sn=R(`
  mutation UpdateProfile($input: ProfileInput!) {
    updateProfile(input: $input) {
      ...ProfileFields
    }
  }
`),Ae=[{key:"heightCm",label:"Height (cm)",step:"0.1",min:"50",max:"272"},{key:"activityFactor",label:"Activity factor",step:"0.01",min:"1",max:"2.5"},{key:"stepsGoal",label:"Steps goal (steps a day)",step:"1",min:"0"},{key:"proteinTargetGPerKg",label:"Protein target (g per kg)",step:"0.1",min:"0"},{key:"balanceGoalKcal",label:"Balance goal (kcal a day)",step:"1"},{key:"sleepTargetHours",label:"Sleep target (hours)",step:"0.1",min:"0",max:"24"}];function Me(e,t,n){let r=a("p",{class:"field-error",id:`${e}-error`});return n.setAttribute("aria-describedby",`${e}-error`),n.addEventListener("input",()=>{r.textContent="",n.removeAttribute("aria-invalid")}),a("div",{class:"field"},a("label",{for:e},t),n,r)}function In(e,t){let n=document.getElementById(`profile-${e}`),r=document.getElementById(`profile-${e}-error`);return n===null||r===null?!1:(r.textContent=t,n.setAttribute("aria-invalid","true"),!0)}function Ht(e,t){let n=a("select",{id:"profile-sex",name:"sex"},a("option",{value:"MALE",selected:e.sex==="MALE"},"Male"),a("option",{value:"FEMALE",selected:e.sex==="FEMALE"},"Female")),r=a("input",{type:"date",id:"profile-birthDate",name:"birthDate",value:e.birthDate??""}),s=Ae.map(p=>a("input",{type:"number",id:`profile-${p.key}`,name:p.key,step:p.step,min:p.min,max:p.max,required:p.key!=="heightCm",value:e[p.key]??""})),o=g("profile-status"),i=a("form",{id:"profile-form",class:"profile-form",novalidate:!0},e.isDefault?a("p",{class:"note"},"This is the default profile: enter your own so the KPIs fit you."):null,a("div",{class:"fields"},Me("profile-sex","Sex (for the BMR formula)",n),Me("profile-birthDate","Birth date",r),...Ae.map((p,c)=>Me(`profile-${p.key}`,p.label,s[c]??a("input")))),a("button",{type:"submit"},"Save profile"));i.addEventListener("submit",p=>{p.preventDefault();let c={sex:n.value,birthDate:r.value===""?null:r.value};Ae.forEach((u,h)=>{let m=s[h]?.value??"";c[u.key]=m===""?null:Number(m)});for(let u of i.querySelectorAll(".field-error"))u.textContent="";for(let u of i.querySelectorAll("[aria-invalid]"))u.removeAttribute("aria-invalid");o.textContent="Saving and recomputing the KPIs…",A(Sn,{input:c}).then(()=>{o.textContent="Saved.",t()}).catch(u=>{let h=u instanceof B&&u.field!==null&&In(u.field,u.message);o.textContent=h?"Not saved: correct the marked field.":`Not saved: ${T(u)}`})}),$(g("profile"),i)}var be=[{value:"30",label:"30 days",days:30},{value:"90",label:"90 days",days:90},{value:"365",label:"1 year",days:365},{value:"all",label:"All",days:null},{value:"custom",label:"Custom",days:null}];function Tn(){let e=new URLSearchParams(location.hash.slice(1)).get("range")??"90",t=/^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(e);return t?.[1]!==void 0&&t[2]!==void 0?{choice:"custom",custom:{start:t[1],end:t[2]}}:{choice:be.find(r=>r.value===e&&r.value!=="custom")?.value??"90",custom:null}}var X=null,z={first:"",last:""},ee="90",Ke=null,qt=()=>{};function An(e){let t=be.find(n=>n.value===e);return e==="all"?{start:z.first,end:z.last}:t?.days?{start:ce(z.last,1-t.days),end:z.last}:Ke??{start:z.first,end:z.last}}function Pe(){if(X===null)return;let e=An(ee);X.customForm.hidden=ee!=="custom",X.message.textContent="",X.from.value=e.start,X.to.value=e.end;let t=ee==="custom"?`${e.start}..${e.end}`:ee;history.replaceState(null,"",`#range=${t}`),qt(e)}function Mn(){let e=a("input",{type:"date",id:"range-from",name:"from",required:!0}),t=a("input",{type:"date",id:"range-to",name:"to",required:!0}),n=a("p",{class:"form-error",role:"alert"}),r=a("form",{id:"range-custom-form",class:"range-custom",novalidate:!0},a("label",{for:"range-from"},"From"),e,a("label",{for:"range-to"},"To"),t,a("button",{type:"submit"},"Show"),n),s=be.map(i=>a("input",{type:"radio",name:"range",value:i.value,id:`range-${i.value}`,checked:i.value===ee})),o=a("fieldset",{class:"range-presets"},a("legend",{},"Range"),...be.map((i,p)=>a("span",{class:"choice"},s[p],a("label",{for:`range-${i.value}`},i.label))));for(let i of s)i.addEventListener("change",()=>{if(i.value==="custom"){r.hidden=!1,e.focus();return}ee=i.value,Pe()});return r.addEventListener("submit",i=>{i.preventDefault();let{first:p,last:c}=z;!ae(e.value)||!ae(t.value)?n.textContent="Enter both dates.":e.value>t.value?n.textContent="The start date must not be after the end date.":e.value>c||t.value<p?n.textContent=`Nothing is logged then: choose days from ${p} to ${c}.`:(Ke={start:e.value<p?p:e.value,end:t.value>c?c:t.value},ee="custom",Pe())}),$(g("range"),o,r),{from:e,to:t,message:n,customForm:r}}function Ot(e,t,n){if(z={first:e,last:t},qt=n,X===null){let r=Tn();ee=r.choice,Ke=r.custom,X=Mn()}for(let r of[X.from,X.to])r.min=e,r.max=t;Pe()}var Nt=14,Pn=R(`
  query Recent($start: Date!, $end: Date!) {
    dailyMetrics(start: $start, end: $end) {
      date
      weightKg
    }
    kpis(start: $start, end: $end) {
      date
      weightTrend
    }
  }
`);async function Ut(e,t,n){let r=g("recent-table");try{let s=await A(Pn,{start:ce(e,1-Nt),end:e}),o=new Map(s.kpis.map(c=>[c.date,c.weightTrend])),i=[...s.dailyMetrics].reverse().map(c=>{let u=o.get(c.date)??null,h=c.weightKg===null||u===null?null:c.weightKg-u,m=a("button",{type:"button",class:"secondary small","aria-label":`Edit ${c.date}`},"Edit");return m.addEventListener("click",()=>n(c.date)),a("tr",{"data-date":c.date},a("th",{scope:"row"},c.date),a("td",{"data-label":"Scale"},U(c.weightKg,t)),a("td",{"data-label":"Trend"},U(u,t)),a("td",{"data-label":"Difference"},h===null?"—":U(h,t,!0)),a("td",{},m))}),p=Y(t);$(r,a("caption",{},`The last ${Nt} days to ${e}, newest first (${p})`),a("thead",{},a("tr",{},...["Day","Scale","Trend","Difference"].map(c=>a("th",{scope:"col"},c)),a("th",{scope:"col"},a("span",{class:"visually-hidden"},"Edit")))),a("tbody",{},...i))}catch(s){$(r,a("caption",{role:"alert"},`Could not load the recent days: ${T(s)}`))}}var Kn=R(`
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
`),Fn=e=>[["Days logged",t=>x(t.daysLogged,"count")],["Weight",t=>U(t.weightAvg,e)],["Trend at end",t=>U(t.weightTrendEnd,e)],["Balance a day",t=>k(t.balanceAvg,"kcal",!0)],["Steps a day",t=>k(t.stepsAvg,"steps")],["Steps goal met",t=>k(t.stepsGoalRate,"percent")],["Protein",t=>k(t.proteinPerKgAvg,"perKg")],["Sleep",t=>k(t.sleepAvg,"hours")]];function Ln(e){return e==="WEEK"?t=>oe(t)===1:t=>L(t).endsWith("-01")}var Le=null,Gt="KG",Fe=0;async function Wt(e,t){let n=++Fe,r=g("summaries-table"),s=g("summaries-status");try{let o=await Promise.all(se(e.start,e.end,ue,Ln(t)).map(([u,h])=>A(Kn,{start:u,end:h,period:t})));if(n!==Fe)return;let i=o.flatMap(u=>u.kpiSummary).reverse(),p=t==="WEEK"?"Week":"Month",c=Fn(Gt);$(r,a("caption",{},`${p}s from ${e.start} to ${e.end}, newest first`),a("thead",{},a("tr",{},a("th",{scope:"col"},p),...c.map(([u])=>a("th",{scope:"col"},u)))),a("tbody",{},...i.map(u=>a("tr",{},a("th",{scope:"row"},`${u.periodStart} – ${u.periodEnd}`),...c.map(([,h])=>a("td",{},h(u))))))),s.textContent=""}catch(o){n===Fe&&(s.textContent=`Could not load the summaries: ${T(o)}`)}}function _t(){return g("period-month").checked?"MONTH":"WEEK"}function Vt(e,t){Le=e,Gt=t,Wt(e,_t())}function Qt(){for(let e of["period-week","period-month"])g(e).addEventListener("change",()=>{Le!==null&&Wt(Le,_t())})}var we=!0,pa=R(`
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
`),Cn=R(`
  query Ingestions($limit: Int!) {
    ingestions(limit: $limit) {
      ...ReportFields
    }
  }
`),Hn=R(`
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
`),qn=20,Ce={APPLIED:"Applied",REJECTED:"Rejected",UNCHANGED:"Unchanged"},On={AUTO:"detected",HUB:"Health Metrics Hub CSV",MYFITNESSPAL:"MyFitnessPal",CRONOMETER:"Cronometer",WITHINGS:"Withings",GARMIN:"Garmin",GOOGLE_FIT:"Google Fit",FITBIT:"Fitbit",OURA:"Oura",WHOOP:"WHOOP",APPLE_HEALTH:"Apple Health",UNKNOWN:"not recognised"};function q(e){return x(e,"count")}function He(e){let t=[["Rows read",q(e.rowsRead)],["New days",q(e.rowsInserted)],["Updated days",q(e.rowsUpdated)],["Unchanged days",q(e.rowsUnchanged)],["Rejected rows",q(e.rowsRejected)],["Deleted days",q(e.rowsDeleted)],["Dates",e.firstDate===null?"—":`${e.firstDate} – ${e.lastDate??""}`],["KPI days recomputed",q(e.kpiDaysRecomputed)]],n=e.errors.length;return a("div",{class:"report"},a("dl",{class:"counts"},...t.map(([r,s])=>a("div",{},a("dt",{},r),a("dd",{},s)))),a("p",{},`Format: ${On[e.source]}. Columns: `,e.columns.length?e.columns.join(", "):"none recognised"),e.warnings.length>0&&a("div",{class:"warnings"},a("h4",{},`Warnings (${e.warnings.length})`),a("ul",{},...e.warnings.map(r=>a("li",{},r)))),e.errorCount>0&&a("table",{class:"errors"},a("caption",{},n<e.errorCount?`Errors: the first ${q(n)} of ${q(e.errorCount)}`:`Errors (${q(e.errorCount)})`),a("thead",{},a("tr",{},...["Row","Column","Value","Message"].map(r=>a("th",{scope:"col"},r)))),a("tbody",{},...e.errors.map(r=>a("tr",{},a("td",{},r.row===null?"—":String(r.row)),a("td",{},r.column??"—"),a("td",{},a("code",{},r.value??"")),a("td",{},r.message))))))}function Nn(e){let t=e.filename??"(no file name)";return`${pe(e.createdAt)} · ${t} · ${Ce[e.status]} · ${q(e.rowsRead)} rows read, ${q(e.errorCount)} errors`}async function qe(){let e=g("history");try{let{ingestions:t}=await A(Cn,{limit:qn});if(t.length===0){$(e,a("p",{},"No uploads yet."));return}$(e,...t.map(n=>a("details",{class:`ingestion status-${n.status}`,"data-id":n.id},a("summary",{},Nn(n)),He(n))))}catch(t){$(e,a("p",{role:"alert"},`Could not load the upload history: ${T(t)}`))}}function jt(e){let t=g("upload-form"),n=g("upload-file"),r=g("upload-policy"),s=g("upload-date-order"),o=g("upload-submit"),i=g("upload-result");o.textContent=we?"Preview":"Upload";let p=(m,b)=>Ye(Hn,{file:m,onInvalidRow:r.value,dateOrder:s.value,dryRun:b}).then(K=>K.importFile),c=m=>{$(i,a("h3",{},`${Ce[m.status]}: ${m.filename??""}`),He(m)),m.status==="APPLIED"?e():qe()},u=m=>{$(i,a("p",{role:"status"},we?"Checking the file…":"Uploading…")),p(m,we).then(b=>we?h(m,b):c(b),b=>$(i,a("p",{role:"alert"},`Not uploaded: ${T(b)}`)))},h=(m,b)=>{let K=a("button",{type:"button",id:"upload-apply",disabled:b.status==="REJECTED"},"Apply"),P=b.status==="REJECTED"&&r.value==="REJECT_FILE"&&b.rowsRejected>0&&b.rowsRejected<b.rowsRead,H=a("button",{type:"button",id:"upload-skip"},`Skip the ${q(b.rowsRejected)} invalid rows and preview again`);H.addEventListener("click",()=>{r.value="SKIP_ROW",u(m)});let S=a("button",{type:"button",class:"secondary"},"Cancel");K.addEventListener("click",()=>{K.disabled=!0,$(i,a("p",{role:"status"},"Applying…")),p(m,!1).then(c,f=>{$(i,a("p",{role:"alert"},`Not applied: ${T(f)}`))})}),S.addEventListener("click",()=>$(i)),$(i,a("h3",{},`Preview: ${m.name} would be ${Ce[b.status].toLowerCase()}`),a("p",{},"Nothing is stored yet."),He(b),P&&a("p",{},`${q(b.rowsRead-b.rowsRejected)} of ${q(b.rowsRead)} rows are valid.`),a("div",{class:"actions"},P&&H,K,S))};t.addEventListener("submit",m=>{m.preventDefault();let b=n.files?.[0];if(b===void 0){$(i,a("p",{role:"alert"},"Choose a file first."));return}u(b)}),n.addEventListener("change",()=>$(i))}var Un=R(`
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
`),ve=null,De=null;async function $e(e){let t=g("page-status");try{let{dataRange:n,profile:r}=await A(Un),s=re(r);(e===null||e==="all")&&(Ht(r,()=>{$e("all")}),qe()),ve??=Lt(g("entry"),s,p=>{$e(p)}),ve.setUnit(s);let{firstDate:o,lastDate:i}=n;Kt(o===null||i===null),De=o===null||i===null?null:{first:o,last:i},g("download-csv").hidden=De===null,o!==null&&i!==null?(g("days-logged").textContent=`${x(n.daysLogged,"count")} days logged, ${o} to ${i}`,Ct(i,r),Ut(i,s,p=>ve?.open(p)),Gn(o,i,r,e)):g("days-logged").textContent="Nothing logged yet",t.textContent="",g("forget-token").hidden=le()===null,document.body.dataset.loaded="true"}catch(n){t.textContent=`Could not reach the API: ${T(n)}`}}function Gn(e,t,n,r){let s=r;Ot(e,t,o=>{Pt(o,n,s),s=null,Vt(o,re(n))})}function Wn(){g("forget-token").addEventListener("click",()=>{_e(),de().then(()=>location.reload())}),g("download-csv").addEventListener("click",()=>{if(De===null)return;let{first:e,last:t}=De,n=g("download-status");n.textContent="Preparing the file…",pt(e,t,ue).then(r=>{mt(r,`healthhub-${e}-to-${t}.csv`),n.textContent=`Downloaded the days from ${e} to ${t}.`},r=>{n.textContent=`Could not download: ${T(r)}`})}),Be(e=>{let t=g("offline-status");t.hidden=e===null,e!==null&&(t.textContent=`Offline: the figures as last loaded, ${pe(e)}. Changes need the network.`)})}At(e=>ve?.open(e));Wn();Qt();jt(()=>{$e("all")});Ge();$e(null);
