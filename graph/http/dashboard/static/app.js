var Xt="/assets/sw.js";function Ve(){"serviceWorker"in navigator&&navigator.serviceWorker.register(Xt,{scope:"/"}).catch(()=>{})}async function pe(){if(!("caches"in window))return;let e=await caches.keys();await Promise.all(e.filter(t=>t.startsWith("healthhub-figures")).map(t=>caches.delete(t)))}function ke(e,t,n){for(let[r,s]of Object.entries(t))s==null||s===!1||e.setAttribute(r,s===!0?"":String(s));for(let r of n)r==null||r===!1||e.append(r instanceof Node?r:String(r))}function a(e,t={},...n){let r=document.createElement(e);return ke(r,t,n),r}var Zt="http://www.w3.org/2000/svg";function _(e,t={},...n){let r=document.createElementNS(Zt,e);return ke(r,t,n),r}function g(e){let t=document.getElementById(e);if(t===null)throw new Error(`index.html has no #${e}`);return t}function $(e,...t){e.replaceChildren(),ke(e,{},t)}var Se="healthhub.token";function de(){return sessionStorage.getItem(Se)}var Ee=null;document.addEventListener("DOMContentLoaded",()=>{g("token-dialog").addEventListener("cancel",e=>e.preventDefault())});function Qe(e){return Ee??=new Promise(t=>{let n=g("token-dialog"),r=g("token-form"),s=g("token-input");g("token-rejected").hidden=!e,s.value="";let o=i=>{i.preventDefault();let u=s.value.trim();u!==""&&(r.removeEventListener("submit",o),sessionStorage.setItem(Se,u),n.close(),Ee=null,t(u))};r.addEventListener("submit",o),n.showModal(),s.focus()}),Ee}function je(){sessionStorage.removeItem(Se)}var zt=!0,Re="/graphql",B=class extends Error{constructor(n,r,s,o=null){super(n);this.code=r;this.status=s;this.field=o;this.name="ApiError"}code;status;field};function Ie(){let e=de();return e===null?{}:{Authorization:`Bearer ${e}`}}function Be(e){return/^\s*(?:query|mutation)\s+(\w+)/.exec(e)?.[1]??"anonymous"}async function Je(e){let t=await e();for(;t.status===401;)pe(),await Qe(de()!==null),t=await e();return t}var en="x-healthhub-saved-at",Ye=()=>{};function Xe(e){Ye=e}async function Ze(e,t){performance.mark(`response ${t}`),Ye(e.headers.get(en));let n;try{n=await e.json()}catch{throw new B(`The API answered ${e.status} without a JSON body`,null,e.status)}let r=n.errors?.[0];if(r!==void 0)throw new B(r.message,r.extensions?.code??null,e.status,r.extensions?.field??null);if(n.data===null||n.data===void 0)throw new B(`The API answered ${e.status} without data`,null,e.status);return n.data}async function P(e,...[t]){let n=e.toString(),r=Be(n),s=zt&&/^\s*query\b/.test(n);return Ze(await Je(()=>{if(s){let i=new URLSearchParams({query:n,variables:JSON.stringify(t??{})});return fetch(`${Re}?${i.toString()}`,{headers:Ie()})}return fetch(Re,{method:"POST",headers:{...Ie(),"Content-Type":"application/json"},body:JSON.stringify({query:n,variables:t??{}})})}),r)}async function ze(e,t){let n=e.toString();return Ze(await Je(()=>{let s=new FormData;return s.append("operations",JSON.stringify({query:n,variables:{...t,file:null}})),s.append("map",JSON.stringify({0:["variables.file"]})),s.append("0",t.file,t.file.name),fetch(Re,{method:"POST",headers:{...Ie(),"Apollo-Require-Preflight":"true"},body:s})}),Be(n))}function M(e){return e instanceof B?e.code===null?e.message:`${e.message} (${e.code})`:e instanceof Error?e.message:String(e)}function V(e){return Math.round(Date.parse(`${e}T00:00:00Z`)/864e5)}function L(e){return new Date(e*864e5).toISOString().slice(0,10)}function me(e,t){return L(V(e)+t)}function oe(e){return/^\d{4}-\d{2}-\d{2}$/.test(e)&&L(V(e))===e}function se(e){return((e+3)%7+7)%7+1}function ie(e,t,n,r=()=>!0){let s=V(t),o=[],i=V(e);for(;i<=s;){let u=Math.min(i+n-1,s);if(u<s){let p=u;for(;p>i&&!r(p+1);)p-=1;p>i&&(u=p)}o.push([L(i),L(u)]),i=u+1}return o}var H=class extends String{__apiType;value;__meta__;constructor(t,n){super(t),this.value=t,this.__meta__=n}toString(){return this.value}},et=new H(`
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
    `,{fragmentName:"ProfileFields"}),tt=new H(`
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
    `,{fragmentName:"ReportFields"}),nt=new H(`
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
    `),rt=new H(`
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
}`),at=new H(`
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
    `),ot=new H(`
    query DayEntry($day: Date!) {
  dailyMetrics(start: $day, end: $day) {
    date
    weightKg
    kcalIn
    steps
    sleepHours
  }
}
    `),st=new H(`
    mutation SaveDay($input: DailyMetricInput!) {
  upsertDailyMetric(input: $input) {
    date
    weightKg
    kcalIn
    steps
    sleepHours
  }
}
    `),it=new H(`
    mutation DeleteDay($day: Date!) {
  deleteDailyMetrics(start: $day, end: $day)
}
    `),lt=new H(`
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
    `),ut=new H(`
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
}`),dt=new H(`
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
    `),ct=new H(`
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
}`),pt=new H(`
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
}`);var nn={"\n  query ExportDays($start: Date!, $end: Date!) {\n    dailyMetrics(start: $start, end: $end) {\n      date\n      steps\n      proteinG\n      kcalIn\n      kcalJunkIn\n      kcalOutTraining\n      sleepHours\n      stress\n      weightKg\n      waistCm\n    }\n  }\n":nt,"\n  query Overview {\n    dataRange {\n      firstDate\n      lastDate\n      daysLogged\n    }\n    profile {\n      ...ProfileFields\n    }\n  }\n":rt,"\n  query Series($start: Date!, $end: Date!) {\n    kpis(start: $start, end: $end) {\n      date\n      weightTrend\n      balanceKcal\n      balance7dAvg\n      steps7dAvg\n      sleep7dAvg\n      expenditureKcal\n      expenditureLowKcal\n      expenditureHighKcal\n    }\n    dailyMetrics(start: $start, end: $end) {\n      date\n      weightKg\n      steps\n      sleepHours\n    }\n  }\n":at,"\n  query DayEntry($day: Date!) {\n    dailyMetrics(start: $day, end: $day) {\n      date\n      weightKg\n      kcalIn\n      steps\n      sleepHours\n    }\n  }\n":ot,"\n  mutation SaveDay($input: DailyMetricInput!) {\n    upsertDailyMetric(input: $input) {\n      date\n      weightKg\n      kcalIn\n      steps\n      sleepHours\n    }\n  }\n":st,"\n  mutation DeleteDay($day: Date!) {\n    deleteDailyMetrics(start: $day, end: $day)\n  }\n":it,"\n  query LatestDay($day: Date!, $recentStart: Date!) {\n    recent: dailyMetrics(start: $recentStart, end: $day) {\n      date\n      weightKg\n    }\n    recentKpis: kpis(start: $recentStart, end: $day) {\n      date\n      weightTrend\n    }\n    kpis(start: $day, end: $day) {\n      weightTrend\n      weightTrendChange7d\n      balance7dAvg\n      balance7dDays\n      proteinPerKg\n      steps7dAvg\n      sleep7dAvg\n      expenditureKcal\n      expenditureLowKcal\n      expenditureHighKcal\n    }\n    dailyMetrics(start: $day, end: $day) {\n      weightKg\n      steps\n      sleepHours\n    }\n  }\n":lt,"\n  fragment ProfileFields on Profile {\n    sex\n    birthDate\n    heightCm\n    activityFactor\n    stepsGoal\n    proteinTargetGPerKg\n    balanceGoalKcal\n    sleepTargetHours\n    isDefault\n  }\n":et,"\n  mutation UpdateProfile($input: ProfileInput!) {\n    updateProfile(input: $input) {\n      ...ProfileFields\n    }\n  }\n":ut,"\n  query Summaries($start: Date!, $end: Date!, $period: Period!) {\n    kpiSummary(start: $start, end: $end, period: $period) {\n      periodStart\n      periodEnd\n      daysLogged\n      weightAvg\n      weightTrendEnd\n      balanceAvg\n      stepsAvg\n      stepsGoalRate\n      proteinPerKgAvg\n      sleepAvg\n    }\n  }\n":dt,"\n  fragment ReportFields on Ingestion {\n    id\n    filename\n    status\n    createdAt\n    rowsRead\n    rowsInserted\n    rowsUpdated\n    rowsUnchanged\n    rowsRejected\n    rowsDeleted\n    source\n    dryRun\n    firstDate\n    lastDate\n    kpiDaysRecomputed\n    columns\n    warnings\n    errorCount\n    errors {\n      row\n      column\n      value\n      message\n    }\n  }\n":tt,"\n  query Ingestions($limit: Int!) {\n    ingestions(limit: $limit) {\n      ...ReportFields\n    }\n  }\n":ct,"\n  mutation ImportFile(\n    $file: Upload!\n    $onInvalidRow: InvalidRowPolicy!\n    $dateOrder: DateOrder!\n    $dryRun: Boolean!\n  ) {\n    importFile(file: $file, onInvalidRow: $onInvalidRow, dateOrder: $dateOrder, dryRun: $dryRun) {\n      ...ReportFields\n    }\n  }\n":pt};function I(e){return nn[e]??{}}var rn=I(`
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
`),mt=[["date","date"],["steps_n","steps"],["proteins_g","proteinG"],["kcal_in","kcalIn"],["kcal_junk_in","kcalJunkIn"],["kcal_out_training","kcalOutTraining"],["sleep_hours","sleepHours"],["stress_rel","stress"],["weight_kg","weightKg"],["waist_cm","waistCm"]];async function gt(e,t,n){let r=await Promise.all(ie(e,t,n).map(([o,i])=>P(rn,{start:o,end:i}))),s=[mt.map(([o])=>o).join(",")];for(let o of r)for(let i of o.dailyMetrics)s.push(mt.map(([,u])=>i[u]===null?"":String(i[u])).join(","));return`${s.join(`
`)}
`}function yt(e,t){let n=URL.createObjectURL(new Blob([e],{type:"text/csv"})),r=document.createElement("a");r.href=n,r.download=t,document.body.append(r),r.click(),r.remove(),setTimeout(()=>URL.revokeObjectURL(n),1e4)}var an={kg:1,hours:1,kcal:0,steps:0,perKg:2,percent:0,count:0},on={kg:" kg",hours:" h",kcal:" kcal",steps:"",perKg:" g/kg",percent:" %",count:""},ft=new Map;function sn(e,t){let n=`${e}:${t}`,r=ft.get(n);return r===void 0&&(r=new Intl.NumberFormat("en-US",{minimumFractionDigits:e,maximumFractionDigits:e,roundingMode:"halfExpand",signDisplay:t?"exceptZero":"negative"}),ft.set(n,r)),r}function x(e,t,n=!1){return e==null?"—":sn(an[t],n).format(t==="percent"?e*100:e)}function k(e,t,n=!1){return e==null?"—":x(e,t,n)+on[t]}var ln=new Intl.DateTimeFormat("en-CA",{year:"numeric",month:"2-digit",day:"2-digit",hour:"2-digit",minute:"2-digit",hourCycle:"h23",timeZoneName:"short"});function ge(e){let t=Object.fromEntries(ln.formatToParts(new Date(e)).map(n=>[n.type,n.value]));return`${t.year}-${t.month}-${t.day} ${t.hour}:${t.minute} ${t.timeZoneName}`}var wt=.45359237,ht={min:20,max:400};function X(e){return e==="LB"?"lb":"kg"}function re(e,t){return t==="LB"?e/wt:e}function vt(e,t){let n=t==="LB"?e*wt:e;return Math.round(n*1e3)/1e3}function un(e,t,n=!1){return e==null?"—":x(re(e,t),"kg",n)}function U(e,t,n=!1){return e==null?"—":`${un(e,t,n)} ${X(t)}`}function Dt(e){let t=Math.ceil(re(ht.min,e)*10)/10,n=Math.floor(re(ht.max,e)*10)/10;return{min:t,max:n}}function z(e){return e.weightUnit==="LB"?"LB":"KG"}var A={left:52,right:10,top:12,bottom:28},kt=["Jan","Feb","Mar","Apr","May","Jun","Jul","Aug","Sep","Oct","Nov","Dec"],$t=15,dn=6.9;function cn(e,t){let n=e/t,r=10**Math.floor(Math.log10(n));return([1,2,2.5,5,10].find(o=>o*r>=n)??10)*r}function pn(e){let t=1/0,n=-1/0,r=o=>{o!==null&&(o<t&&(t=o),o>n&&(n=o))};for(let o of e)o.kind==="rule"?r(o.value):o.kind==="band"?(o.low.forEach(r),o.high.forEach(r)):(o.values.forEach(r),o.kind==="bars"&&r(o.base??0));if(t===1/0)return[0,1,.25];if(t===n){let o=Math.abs(t)*.05||1;t-=o,n+=o}let s=cn(n-t,4);return[Math.floor(t/s)*s,Math.ceil(n/s)*s,s]}function xt(e){return`${Number(e.slice(8))} ${kt[Number(e.slice(5,7))-1]??""}`}function mn(e,t,n){let r=t-e+1,s=[],o;if(r<=10){for(let l=e;l<=t;l++)s.push(l);o=xt}else if(r<=100){for(let l=e;l<=t;l++)se(l)===1&&s.push(l);o=xt}else if(r<=1100){for(let l=e;l<=t;l++)L(l).endsWith("-01")&&s.push(l);o=l=>kt[Number(l.slice(5,7))-1]??""}else{for(let l=e;l<=t;l++)L(l).endsWith("-01-01")&&s.push(l);o=l=>l.slice(0,4)}let i=Math.max(1,Math.ceil(s.length/Math.max(n,1)));s=s.filter((l,h)=>h%i===0);let u=[],p="";for(let l of s){let h=L(l),m=o(h);h.slice(0,4)!==p&&!/^\d{4}$/.test(m)&&(m=`${m} ${h.slice(0,4)}`),p=h.slice(0,4),u.push([l,m])}return u}function Et(e,t,n){let r=`${e.id}-title`,s=`${e.id}-summary`,o=Math.max(Math.round(t),260),i=Math.round(Math.min(Math.max(o*.45,190),250)),u=o-A.left-A.right,p=i-A.top-A.bottom,l=a("figcaption",{},a("h3",{id:r},e.title),e.weekly&&a("p",{class:"chart-note"},"Weekly averages: over 400 days, each point is one week.")),h=a("p",{id:s,class:"chart-summary"},e.summary),[m,b,T]=pn(e.layers),K=!e.layers.some(c=>c.kind!=="rule"&&(c.kind==="band"?c.low:c.values).some(w=>w!==null)),C=u/(e.end-e.start+1),S=c=>A.left+(c-e.start+.5)*C,f=c=>A.top+p-(c-m)/(b-m)*p,v=c=>c.toFixed(1),D=[],R=[];for(let c=m;!K&&c<=b+T/2;c+=T)D.push(`M${A.left} ${v(f(c))}H${o-A.right}`),R.push(_("text",{x:A.left-6,y:v(f(c)+4),class:"tick tick-y"},e.tick(c)));for(let[c,w]of mn(e.start,e.end,Math.floor(u/80)))D.push(`M${v(S(c))} ${i-A.bottom}v4`),R.push(_("text",{x:v(S(c)),y:i-8,class:"tick tick-x"},w));let F=e.layers.map(c=>{let w=gn(c,e.days,S,f,C*(e.weekly?7:1),v,o);return _("path",{d:w===""?null:w,class:`layer ${c.kind} ${c.className}`})});if(K){let c=A.top+p/2;R.push(_("text",{x:A.left+u/2,y:c,class:"no-data"},"No data in this range"))}let N=e.days.length,j=_("svg",{viewBox:`0 0 ${o} ${i}`,width:o,height:i,role:"img",tabindex:K?null:0,"aria-labelledby":r,"aria-describedby":s,class:N>u/2?"chart-svg dense":"chart-svg"},_("path",{d:D.join(""),class:"grid"}),...F,...R),W=a("p",{class:"readout","aria-live":"polite"}),q=a("figure",{class:"chart",id:e.id},l,j),ne=a("ul",{class:"legend"},...e.layers.map(c=>a("li",{},a("span",{class:`key key-${c.kind} ${c.className}`}),c.label)));return q.append(ne,W,h),K||fn(j,W,e,{x:S,width:o,height:i,dayWidth:C},n),q}function gn(e,t,n,r,s,o,i){let u=[];switch(e.kind){case"rule":return`M${A.left} ${o(r(e.value))}H${i-A.right}`;case"dots":e.values.forEach((p,l)=>{p!==null&&u.push(`M${o(n(t[l]??0))} ${o(r(p))}h0`)});break;case"line":{let p=!1;e.values.forEach((l,h)=>{if(l===null){p=!1;return}u.push(`${p?"L":"M"}${o(n(t[h]??0))} ${o(r(l))}`),p=!0});break}case"bars":{let p=Math.max(s*.7,.6),l=r(e.base??0);e.values.forEach((h,m)=>{if(h===null)return;let b=n(t[m]??0)-p/2;u.push(`M${o(b)} ${o(l)}V${o(r(h))}h${o(p)}V${o(l)}Z`)});break}case"band":{let p=[],l=()=>{if(p.length>0){let h=p.map(b=>`${o(n(t[b]??0))} ${o(r(e.high[b]??0))}`),m=p.map(b=>`${o(n(t[b]??0))} ${o(r(e.low[b]??0))}`).reverse();u.push(`M${h.join("L")}L${m.join("L")}Z`)}p=[]};e.low.forEach((h,m)=>{h===null||e.high[m]===null||e.high[m]===void 0?l():p.push(m)}),l();break}}return u.join("")}function yn(e,t){let n=[];for(let r of e.layers){if(r.kind==="rule")continue;if(r.kind==="band"){let o=r.low[t],i=r.high[t];o!=null&&i!==null&&i!==void 0&&n.push(`${r.label}: ${e.tick(o)}–${e.value(i)}`);continue}let s=r.values[t];s!=null&&n.push(`${r.label}: ${e.value(s)}`)}return n}function fn(e,t,n,r,s){let o=_("path",{class:"cursor-line"}),i=_("rect",{class:"cursor-box",rx:4}),u=_("text",{class:"cursor-text"}),p=_("g",{class:"cursor",visibility:"hidden","aria-hidden":"true"},o,i,u);e.append(p);let l=a("span",{class:"readout-text"}),h=a("button",{type:"button",class:"secondary small readout-edit",hidden:!0},"Edit this day");t.append(l,h);let m=-1,b=f=>{let v=0,D=n.days.length-1;for(;v<D;){let F=v+D>>1;(n.days[F]??0)<f?v=F+1:D=F}let R=v-1;return R>=0&&f-(n.days[R]??0)<(n.days[v]??0)-f?R:v},T=f=>{let v=n.days[f];if(v===void 0)return;m=f;let D=r.x(v);o.setAttribute("d",`M${D.toFixed(1)} ${A.top}V${r.height-A.bottom}`);let R=n.weekly?`Week of ${L(v-3)}`:L(v),F=[R,...yn(n,f)];u.replaceChildren(...F.map((q,ne)=>_("tspan",{x:0,dy:ne===0?0:$t},q)));let N=Math.max(...F.map(q=>q.length))*dn+12,j=F.length*$t+8,W=D+8+N>r.width-A.right?Math.max(D-8-N,0):D+8;i.setAttribute("x",W.toFixed(1)),i.setAttribute("y",String(A.top)),i.setAttribute("width",N.toFixed(1)),i.setAttribute("height",String(j)),u.setAttribute("transform",`translate(${(W+6).toFixed(1)} ${A.top+15})`),p.setAttribute("visibility","visible"),l.textContent=`${F[0]??""}: ${F.slice(1).join("; ")||"no value"}`,h.hidden=s===null||n.weekly,h.setAttribute("aria-label",`Edit ${R}`),h.textContent=`Edit ${R}`},K=()=>{p.setAttribute("visibility","hidden")},C=f=>{if(n.days.length===0)return;let v=e.getBoundingClientRect(),D=(f-v.left)/v.width*r.width;T(b(n.start+Math.floor((D-A.left)/r.dayWidth)))},S=!1;e.addEventListener("pointerdown",f=>{S=!0,e.setPointerCapture(f.pointerId),C(f.clientX)}),e.addEventListener("pointermove",f=>C(f.clientX)),e.addEventListener("pointerup",()=>{S=!1}),e.addEventListener("pointercancel",()=>{S=!1}),e.addEventListener("pointerleave",f=>{!S&&f.pointerType==="mouse"&&K()}),e.addEventListener("focus",()=>T(m>=0?m:n.days.length-1)),e.addEventListener("blur",K),e.addEventListener("keydown",f=>{let v=n.days.length-1,R={ArrowLeft:Math.max(m-1,0),ArrowRight:Math.min(m+1,v),Home:0,End:v,PageUp:Math.max(m-7,0),PageDown:Math.min(m+7,v)}[f.key];R!==void 0?(f.preventDefault(),T(R)):f.key==="Enter"&&s!==null&&!n.weekly&&m>=0?(f.preventDefault(),s(L(n.days[m]??0))):f.key==="Escape"&&K()}),h.addEventListener("click",()=>{let f=n.days[m];s!==null&&f!==void 0&&s(L(f))})}function ye(e){return e?.expenditureKcal===null||e?.expenditureKcal===void 0?null:{mid:e.expenditureKcal,low:e.expenditureLowKcal??null,high:e.expenditureHighKcal??null}}var St=400;function Rt(e){let t=[],n=[];return e.forEach((r,s)=>{let o=r-(se(r)-1);t.at(-1)!==o+3&&(t.push(o+3),n.push([])),n.at(-1)?.push(s)}),{middles:t,members:n}}function It(e,t){return t.map(n=>{let r=0,s=0;for(let o of n){let i=e[o];i!=null&&(r+=i,s+=1)}return s===0?null:r/s})}var ce=3660,hn=I(`
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
`);async function Te(e,t){let n=await Promise.all(ie(L(e),L(t),ce).map(([s,o])=>P(hn,{start:s,end:o}))),r=[];for(let s of n){let o=new Map(s.dailyMetrics.map(i=>[i.date,i]));for(let i of s.kpis)r.push({day:V(i.date),date:i.date,kpi:i,metric:o.get(i.date),expenditure:ye(i)})}return r}var G=null;function bn(e){if(G===null)return;let t=e===null?-1/0:V(e);G.days=G.days.filter(n=>n.day<t),G.end=Math.min(G.end,t-1),G.end<G.start&&(G=null)}async function wn(e){let t=V(e.start),n=V(e.end),r=G;if(r===null||n<r.start-1||t>r.end+1)G={start:t,end:n,days:await Te(t,n)};else{let[s,o]=await Promise.all([t<r.start?Te(t,r.start-1):Promise.resolve([]),n>r.end?Te(r.end+1,n):Promise.resolve([])]);if(G===r)G={start:Math.min(t,r.start),end:Math.max(n,r.end),days:[...s,...r.days,...o]};else return[...s,...r.days,...o].filter(i=>i.day>=t&&i.day<=n)}return G.days.filter(s=>s.day>=t&&s.day<=n)}function fe(e){return e.filter(t=>t!==null).length}function Ae(e,t){for(let n=t.length-1;n>=0;n--){let r=t[n],s=e[n];if(r!=null&&s!==void 0)return[s.date,r]}return null}function Q(e,t){return e.map(n=>t(n)??null)}function vn(e,t,n){let r=z(n),s=V(e.start),o=V(e.end),i=o-s+1>St,u=i?Rt(t.map(d=>d.day)):null,p=d=>u===null?[...d]:It(d,u.members),l={start:s,end:o,days:u===null?t.map(d=>d.day):u.middles,weekly:i},h=Q(t,d=>d.metric?.weightKg),m=Q(t,d=>d.kpi.weightTrend),b=Ae(t,m),T=d=>d.map(Y=>Y===null?null:re(Y,r)),K=Q(t,d=>d.expenditure?.mid),C=Q(t,d=>d.expenditure?.low),S=Q(t,d=>d.expenditure?.high),f=Ae(t,K),v=Q(t,d=>d.kpi.balanceKcal),D=Q(t,d=>d.kpi.balance7dAvg),R=Ae(t,D),F=p(v),N=Q(t,d=>d.metric?.steps),j=Q(t,d=>d.kpi.steps7dAvg),W=N.filter(d=>d!==null&&d>=n.stepsGoal).length,q=Q(t,d=>d.metric?.sleepHours),ne=Q(t,d=>d.kpi.sleep7dAvg),c=q.filter(d=>d!==null),w=c.length?c.reduce((d,Y)=>d+Y,0)/c.length:null,y={tick:d=>x(d,"kcal"),value:d=>k(d,"kcal")},E=(d,Y)=>d===null?"none in this range":`${Y(d[1])} on ${d[0]}`;return[{...l,id:"chart-weight",title:`Weight (${X(r)})`,tick:d=>x(d,"kg"),value:d=>`${x(d,"kg")} ${X(r)}`,layers:[{kind:"dots",values:T(p(h)),className:"c-weight",label:"Weigh-ins"},{kind:"line",values:T(p(m)),className:"c-trend",label:"Trend"}],summary:`${x(fe(h),"count")} weigh-ins. Trend: ${E(b,d=>U(d,r))}.`},{...l,id:"chart-expenditure",title:"Expenditure (kcal/day)",...y,layers:[{kind:"band",low:p(C),high:p(S),className:"c-band",label:"80 % interval"},{kind:"line",values:p(K),className:"c-expenditure",label:"Estimate"}],summary:`${x(fe(K),"count")} days with an estimate. Latest: ${E(f,y.value)}.`},{...l,id:"chart-balance",title:"Daily balance (kcal)",...y,layers:[{kind:"bars",values:F.map(d=>d!==null&&d<0?d:null),className:"c-deficit",label:"Deficit"},{kind:"bars",values:F.map(d=>d!==null&&d>=0?d:null),className:"c-surplus",label:"Surplus"},{kind:"line",values:p(D),className:"c-average",label:"7-day average"},{kind:"rule",value:n.balanceGoalKcal,className:"c-goal",label:`Goal ${k(n.balanceGoalKcal,"kcal")}`}],summary:`${x(fe(v),"count")} days with a balance. 7-day average: ${E(R,y.value)}.`},{...l,id:"chart-steps",title:"Steps",tick:d=>x(d,"steps"),value:d=>`${x(d,"steps")} steps`,layers:[{kind:"bars",values:p(N),className:"c-steps",label:"Steps"},{kind:"line",values:p(j),className:"c-average",label:"7-day average"},{kind:"rule",value:n.stepsGoal,className:"c-goal",label:`Goal ${k(n.stepsGoal,"steps")}`}],summary:`${x(fe(N),"count")} days with steps, ${x(W,"count")} at or above the goal of ${k(n.stepsGoal,"steps")}.`},{...l,id:"chart-sleep",title:"Sleep (hours)",tick:d=>x(d,"hours"),value:d=>k(d,"hours"),layers:[{kind:"dots",values:p(q),className:"c-sleep",label:"Nights"},{kind:"line",values:p(ne),className:"c-average",label:"7-day average"},{kind:"rule",value:n.sleepTargetHours,className:"c-goal",label:`Target ${k(n.sleepTargetHours,"hours")}`}],summary:`${x(c.length,"count")} nights logged, average ${k(w,"hours")} against the target of ${k(n.sleepTargetHours,"hours")}.`}]}function At(e){let t=a("figure",{class:"chart"});e.append(t);let n=getComputedStyle(t),r=t.clientWidth-parseFloat(n.paddingLeft)-parseFloat(n.paddingRight);return t.remove(),Math.floor(r)}var he=0,be=null,Mt=null;function Kt(e){Mt=e}function Pt(e,t){let n=At(e);$(e,...t.map(r=>Et(r,n,Mt))),be={specs:t,width:n}}var Tt=0;addEventListener("resize",()=>{clearTimeout(Tt),Tt=window.setTimeout(()=>{let e=document.getElementById("charts");be===null||e===null||Math.abs(At(e)-be.width)>4&&Pt(e,be.specs)},150)});async function Ft(e,t,n=null){let r=++he,s=g("charts"),o=g("charts-status");n!==null&&bn(n==="all"?null:n),s.setAttribute("aria-busy","true"),o.textContent=`Loading ${e.start} to ${e.end}…`;try{let i=await wn(e);if(r!==he)return;performance.mark("charts-data"),Pt(s,vn(e,i,t)),o.textContent=`${x(i.length,"count")} logged days from ${e.start} to ${e.end}.`,await new Promise(u=>requestAnimationFrame(()=>setTimeout(u,0))),performance.mark("charts-drawn"),s.dataset.range=`${e.start}..${e.end}`}catch(i){r===he&&(o.textContent=`Could not load the charts: ${M(i)}`)}finally{r===he&&s.removeAttribute("aria-busy")}}var Dn=["latest-section","recent-section","charts-section","summaries-section"];function Lt(e){g("empty").hidden=!e;for(let t of Dn)g(t).hidden=e}var $n=I(`
  query DayEntry($day: Date!) {
    dailyMetrics(start: $day, end: $day) {
      date
      weightKg
      kcalIn
      steps
      sleepHours
    }
  }
`),xn=I(`
  mutation SaveDay($input: DailyMetricInput!) {
    upsertDailyMetric(input: $input) {
      date
      weightKg
      kcalIn
      steps
      sleepHours
    }
  }
`),kn=I(`
  mutation DeleteDay($day: Date!) {
    deleteDailyMetrics(start: $day, end: $day)
  }
`),le=e=>e,we=[{key:"weightKg",noun:"Weight",label:e=>`Weight (${X(e)})`,range:Dt,whole:!1,unit:X,toApi:vt,fromApi:re,digits:1},{key:"kcalIn",noun:"Intake",label:()=>"Intake (kcal)",range:()=>({min:0,max:2e4}),whole:!1,unit:()=>"kcal",toApi:le,fromApi:le,digits:0},{key:"steps",noun:"Steps",label:()=>"Steps",range:()=>({min:0,max:1e5}),whole:!0,unit:()=>"steps",toApi:le,fromApi:le,digits:0},{key:"sleepHours",noun:"Sleep",label:()=>"Sleep (hours)",range:()=>({min:0,max:24}),whole:!1,unit:()=>"h",toApi:le,fromApi:le,digits:2}];function Ct(){let e=new Date,t=n=>String(n).padStart(2,"0");return`${e.getFullYear()}-${t(e.getMonth()+1)}-${t(e.getDate())}`}function En(e){let t=e.trim().replace(",",".");return/^[+-]?(\d+\.?\d*|\.\d+)$/.test(t)?Number(t):NaN}function Sn(e,t){return String(Number(e.toFixed(t)))}function Ht(e,t,n){let r=t,s=null,o="",i=a("input",{type:"date",id:"entry-date",name:"date",required:!0,max:Ct()}),u=new Map,p=new Map,l=new Map,h=c=>{let w=`entry-${c.key}`,y=a("input",{type:"text",inputmode:c.whole?"numeric":"decimal",id:w,name:c.key,autocomplete:"off","aria-describedby":`${w}-error`}),E=a("label",{for:w},c.label(r)),d=a("p",{class:"field-error",id:`${w}-error`});return u.set(c.key,y),p.set(c.key,d),l.set(c.key,E),y.addEventListener("input",()=>{j.add(c.key),d.textContent="",y.removeAttribute("aria-invalid")}),a("div",{class:`field field-${c.key}`},E,y,d)},[m,...b]=we,T=m===void 0?null:h(m),K=a("details",{class:"entry-more"},a("summary",{},"Intake, steps, sleep"),a("div",{class:"entry-more-fields"},...b.map(h))),C=a("button",{type:"submit",id:"entry-save"},"Save"),S=a("button",{type:"button",id:"entry-delete",class:"secondary",hidden:!0},"Delete this day"),f=a("button",{type:"button",id:"entry-delete-confirm",class:"danger",hidden:!0},"Delete"),v=a("button",{type:"button",id:"entry-delete-keep",class:"secondary",hidden:!0},"Keep it"),D=a("p",{id:"entry-status",class:"status",role:"status"}),R=a("form",{id:"entry-form",class:"entry-form",novalidate:!0,"aria-labelledby":"entry-title"},a("div",{class:"entry-row"},a("div",{class:"field field-date"},a("label",{for:"entry-date"},"Day"),i),T),K,a("div",{class:"actions"},C,S,f,v),D);$(e,R);let F=()=>{for(let[c,w]of p)w.textContent="",u.get(c)?.removeAttribute("aria-invalid")},N=(c,w)=>{let y=p.get(c),E=u.get(c);y===void 0||E===void 0||(c!=="weightKg"&&(K.open=!0),y.textContent=w,E.setAttribute("aria-invalid","true"))},j=new Set,W=(c,w=!1)=>{s=c;for(let y of we){let E=c?.[y.key],d=u.get(y.key);w&&j.has(y.key)||(j.delete(y.key),d!==void 0&&(d.value=E==null?"":Sn(y.fromApi(E,r),y.digits)))}S.hidden=c===null,f.hidden=!0,v.hidden=!0},q=async(c,w)=>{o=c,F(),D.textContent="";try{let y=await P($n,{day:c});if(o!==c)return;W(y.dailyMetrics[0]??null,w),D.textContent=y.dailyMetrics[0]===void 0?`Nothing logged on ${c} yet.`:`${c} as stored.`}catch(y){o===c&&(D.textContent=`Could not load ${c}: ${M(y)}`)}},ne=()=>{let c={date:i.value},w=!0;for(let y of we){let E=u.get(y.key)?.value??"";if(E.trim()===""){s!==null&&s[y.key]!==null&&(c[y.key]=null);continue}let d=En(E),{min:Y,max:Ge}=y.range(r),We=y.digits===0?"count":"kg",Yt=`from ${x(Y,We)} to ${x(Ge,We)} ${y.unit(r)}`,_e=`${y.noun} must be ${y.whole?"a whole number ":""}${Yt}.`;Number.isNaN(d)?(N(y.key,`"${E}" is not a number. ${_e}`),w=!1):d<Y||d>Ge||y.whole&&!Number.isInteger(d)?(N(y.key,`Out of range. ${_e}`),w=!1):c[y.key]=y.toApi(d,r)}return w?c:null};return R.addEventListener("submit",c=>{if(c.preventDefault(),F(),!oe(i.value)){D.textContent="Choose a day first.";return}let w=ne();if(w===null){D.textContent="Not saved: correct the marked field.";return}let y=i.value;C.disabled=!0,D.textContent="Saving…",performance.mark("entry-save"),P(xn,{input:w}).then(E=>{o===y&&W(E.upsertDailyMetric),D.textContent=`Saved ${y}.`,n(y,"saved")}).catch(E=>{let d=E instanceof B?E.field:null;d!==null&&u.has(d)&&N(d,E instanceof Error?E.message:String(E)),D.textContent=`Not saved: ${M(E)}`}).finally(()=>{C.disabled=!1})}),S.addEventListener("click",()=>{S.hidden=!0,f.hidden=!1,v.hidden=!1,f.textContent=`Delete ${i.value} and all its values`,f.focus()}),v.addEventListener("click",()=>{S.hidden=!1,f.hidden=!0,v.hidden=!0,S.focus()}),f.addEventListener("click",()=>{let c=i.value;f.disabled=!0,D.textContent="Deleting…",P(kn,{day:c}).then(w=>{W(null),D.textContent=w.deleteDailyMetrics>0?`Deleted ${c}.`:`Nothing was logged on ${c}.`,n(c,"deleted")}).catch(w=>{D.textContent=`Not deleted: ${M(w)}`,v.hidden=!0,f.hidden=!0,S.hidden=!1}).finally(()=>{f.disabled=!1})}),i.addEventListener("change",()=>{oe(i.value)&&q(i.value,!0)}),i.value=Ct(),q(i.value,!0),{open(c){i.value=c,q(c,!1),R.scrollIntoView({block:"start"}),u.get("weightKg")?.focus({preventScroll:!0})},setUnit(c){if(c!==r){r=c;for(let w of we){let y=l.get(w.key);y!==void 0&&(y.textContent=w.label(r))}W(s)}}}}var Me=14;function Ot(e,t,n,r,s){let o=g("recent-table"),i=new Map(n.map(l=>[l.date,l.weightTrend??null])),u=[...t].reverse().map(l=>{let h=i.get(l.date)??null,m=l.weightKg??null,b=m===null||h===null?null:m-h,T=a("button",{type:"button",class:"secondary small","aria-label":`Edit ${l.date}`},"Edit");return T.addEventListener("click",()=>s(l.date)),a("tr",{"data-date":l.date},a("th",{scope:"row"},l.date),a("td",{"data-label":"Scale"},U(m,r)),a("td",{"data-label":"Trend"},U(h,r)),a("td",{"data-label":"Difference"},b===null?"—":U(b,r,!0)),a("td",{},T))}),p=X(r);$(o,a("caption",{},`The last ${Me} days to ${e}, newest first (${p})`),a("thead",{},a("tr",{},...["Day","Scale","Trend","Difference"].map(l=>a("th",{scope:"col"},l)),a("th",{scope:"col"},a("span",{class:"visually-hidden"},"Edit")))),a("tbody",{},...u))}var Rn=I(`
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
`);function ee(e,t,n,r,s=!1){return a("div",{class:"figure","data-figure":e},a("dt",{},t),a("dd",{class:s?"value missing":"value"},n),a("dd",{class:"detail"},r))}function In(e){if(e===null)return ee("expenditure","Expenditure","No estimate","Too little intake and weight data yet, or too uncertain",!0);let t=e.low===null||e.high===null?"no interval":`80 % interval ${x(e.low,"kcal")}–${k(e.high,"kcal")}`;return ee("expenditure","Expenditure",k(e.mid,"kcal"),`a day; ${t}`,e.mid===null)}async function Ke(e,t,n){let r=g("headline");g("headline-day").textContent=e;try{let s=await P(Rn,{day:e,recentStart:me(e,1-Me)});Ot(e,s.recent,s.recentKpis,z(t),n);let o=s.kpis[0],i=s.dailyMetrics[0],u=z(t);$(r,ee("weight-trend","Weight trend",U(o?.weightTrend,u),`${U(o?.weightTrendChange7d,u,!0)} in 7 days`),ee("scale-weight","Scale weight",U(i?.weightKg,u),i?.weightKg===null||i?.weightKg===void 0?`no weigh-in on ${e}`:`on ${e}`,i?.weightKg===null||i?.weightKg===void 0),In(ye(o)),ee("balance","7-day balance",k(o?.balance7dAvg,"kcal",!0),`a day, over ${o?.balance7dDays??0} of 7 days; goal ${k(t.balanceGoalKcal,"kcal",!0)}`),ee("steps","Steps",k(i?.steps,"steps"),`7-day average ${k(o?.steps7dAvg,"steps")}; goal ${k(t.stepsGoal,"steps")}`),ee("sleep","Sleep",k(i?.sleepHours,"hours"),`7-day average ${k(o?.sleep7dAvg,"hours")}; target ${k(t.sleepTargetHours,"hours")}`),ee("protein","Protein",k(o?.proteinPerKg,"perKg"),`target ${k(t.proteinTargetGPerKg,"perKg")}`))}catch(s){$(r,a("p",{role:"alert"},`Could not load the latest day: ${M(s)}`))}}var Jr=I(`
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
`),Tn=I(`
  mutation UpdateProfile($input: ProfileInput!) {
    updateProfile(input: $input) {
      ...ProfileFields
    }
  }
`),Pe=[{key:"heightCm",label:"Height (cm)",step:"0.1",min:"50",max:"272"},{key:"activityFactor",label:"Activity factor",step:"0.01",min:"1",max:"2.5"},{key:"stepsGoal",label:"Steps goal (steps a day)",step:"1",min:"0"},{key:"proteinTargetGPerKg",label:"Protein target (g per kg)",step:"0.1",min:"0"},{key:"balanceGoalKcal",label:"Balance goal (kcal a day)",step:"1"},{key:"sleepTargetHours",label:"Sleep target (hours)",step:"0.1",min:"0",max:"24"}];function Fe(e,t,n){let r=a("p",{class:"field-error",id:`${e}-error`});return n.setAttribute("aria-describedby",`${e}-error`),n.addEventListener("input",()=>{r.textContent="",n.removeAttribute("aria-invalid")}),a("div",{class:"field"},a("label",{for:e},t),n,r)}function An(e,t){let n=document.getElementById(`profile-${e}`),r=document.getElementById(`profile-${e}-error`);return n===null||r===null?!1:(r.textContent=t,n.setAttribute("aria-invalid","true"),!0)}function Nt(e,t){let n=a("select",{id:"profile-sex",name:"sex"},a("option",{value:"MALE",selected:e.sex==="MALE"},"Male"),a("option",{value:"FEMALE",selected:e.sex==="FEMALE"},"Female")),r=a("input",{type:"date",id:"profile-birthDate",name:"birthDate",value:e.birthDate??""}),s=Pe.map(u=>a("input",{type:"number",id:`profile-${u.key}`,name:u.key,step:u.step,min:u.min,max:u.max,required:u.key!=="heightCm",value:e[u.key]??""})),o=g("profile-status"),i=a("form",{id:"profile-form",class:"profile-form",novalidate:!0},e.isDefault?a("p",{class:"note"},"This is the default profile: enter your own so the KPIs fit you."):null,a("div",{class:"fields"},Fe("profile-sex","Sex (for the BMR formula)",n),Fe("profile-birthDate","Birth date",r),...Pe.map((u,p)=>Fe(`profile-${u.key}`,u.label,s[p]??a("input")))),a("button",{type:"submit"},"Save profile"));i.addEventListener("submit",u=>{u.preventDefault();let p={sex:n.value,birthDate:r.value===""?null:r.value};Pe.forEach((l,h)=>{let m=s[h]?.value??"";p[l.key]=m===""?null:Number(m)});for(let l of i.querySelectorAll(".field-error"))l.textContent="";for(let l of i.querySelectorAll("[aria-invalid]"))l.removeAttribute("aria-invalid");o.textContent="Saving and recomputing the KPIs…",P(Tn,{input:p}).then(()=>{o.textContent="Saved.",t()}).catch(l=>{let h=l instanceof B&&l.field!==null&&An(l.field,l.message);o.textContent=h?"Not saved: correct the marked field.":`Not saved: ${M(l)}`})}),$(g("profile"),i)}var ve=[{value:"30",label:"30 days",days:30},{value:"90",label:"90 days",days:90},{value:"365",label:"1 year",days:365},{value:"all",label:"All",days:null},{value:"custom",label:"Custom",days:null}];function qt(){let e=new URLSearchParams(location.hash.slice(1)).get("range")??"90",t=/^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(e);return t?.[1]!==void 0&&t[2]!==void 0?{choice:"custom",custom:{start:t[1],end:t[2]}}:{choice:ve.find(r=>r.value===e&&r.value!=="custom")?.value??"90",custom:null}}var Z=null,te={first:"",last:""},J="90",De=null,Ut=()=>{};function Mn(e){let t=ve.find(n=>n.value===e);return e==="all"?{start:te.first,end:te.last}:t?.days?{start:me(te.last,1-t.days),end:te.last}:De??{start:te.first,end:te.last}}function $e(){if(Z===null)return;let e=Mn(J);Z.customForm.hidden=J!=="custom",Z.message.textContent="",Z.from.value=e.start,Z.to.value=e.end;let t=J==="custom"?`${e.start}..${e.end}`:J;history.replaceState(null,"",`#range=${t}`),Ut(e)}function Kn(){let e=a("input",{type:"date",id:"range-from",name:"from",required:!0}),t=a("input",{type:"date",id:"range-to",name:"to",required:!0}),n=a("p",{class:"form-error",role:"alert"}),r=a("form",{id:"range-custom-form",class:"range-custom",novalidate:!0},a("label",{for:"range-from"},"From"),e,a("label",{for:"range-to"},"To"),t,a("button",{type:"submit"},"Show"),n),s=ve.map(i=>a("input",{type:"radio",name:"range",value:i.value,id:`range-${i.value}`,checked:i.value===J})),o=a("fieldset",{class:"range-presets"},a("legend",{},"Range"),...ve.map((i,u)=>a("span",{class:"choice"},s[u],a("label",{for:`range-${i.value}`},i.label))));for(let i of s)i.addEventListener("change",()=>{if(i.value==="custom"){r.hidden=!1,e.focus();return}J=i.value,$e()});return r.addEventListener("submit",i=>{i.preventDefault();let{first:u,last:p}=te;!oe(e.value)||!oe(t.value)?n.textContent="Enter both dates.":e.value>t.value?n.textContent="The start date must not be after the end date.":e.value>p||t.value<u?n.textContent=`Nothing is logged then: choose days from ${u} to ${p}.`:(De={start:e.value<u?u:e.value,end:t.value>p?p:t.value},J="custom",$e())}),$(g("range"),o,r),{from:e,to:t,message:n,customForm:r}}function Gt(e,t,n){if(te={first:e,last:t},Ut=n,Z===null){let r=qt();J=r.choice,De=r.custom,Z=Kn(),addEventListener("hashchange",()=>{if(!location.hash.includes("range="))return;let s=qt();J=s.choice,De=s.custom;let o=document.getElementById(`range-${J}`);o instanceof HTMLInputElement&&(o.checked=!0),$e()})}for(let r of[Z.from,Z.to])r.min=e,r.max=t;$e()}var Pn=I(`
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
`),Fn=e=>[["Days logged",t=>x(t.daysLogged,"count")],["Weight",t=>U(t.weightAvg,e)],["Trend at end",t=>U(t.weightTrendEnd,e)],["Balance a day",t=>k(t.balanceAvg,"kcal",!0)],["Steps a day",t=>k(t.stepsAvg,"steps")],["Steps goal met",t=>k(t.stepsGoalRate,"percent")],["Protein",t=>k(t.proteinPerKgAvg,"perKg")],["Sleep",t=>k(t.sleepAvg,"hours")]];function Ln(e){return e==="WEEK"?t=>se(t)===1:t=>L(t).endsWith("-01")}var Ce=null,Wt="KG",Le=0;async function _t(e,t){let n=++Le,r=g("summaries-table"),s=g("summaries-status");try{let o=await Promise.all(ie(e.start,e.end,ce,Ln(t)).map(([l,h])=>P(Pn,{start:l,end:h,period:t})));if(n!==Le)return;let i=o.flatMap(l=>l.kpiSummary).reverse(),u=t==="WEEK"?"Week":"Month",p=Fn(Wt);$(r,a("caption",{},`${u}s from ${e.start} to ${e.end}, newest first`),a("thead",{},a("tr",{},a("th",{scope:"col"},u),...p.map(([l])=>a("th",{scope:"col"},l)))),a("tbody",{},...i.map(l=>a("tr",{},a("th",{scope:"row"},`${l.periodStart} – ${l.periodEnd}`),...p.map(([,h])=>a("td",{},h(l))))))),s.textContent=""}catch(o){n===Le&&(s.textContent=`Could not load the summaries: ${M(o)}`)}}function Vt(){return g("period-month").checked?"MONTH":"WEEK"}function Qt(e,t){Ce=e,Wt=t,_t(e,Vt())}function jt(){for(let e of["period-week","period-month"])g(e).addEventListener("change",()=>{Ce!==null&&_t(Ce,Vt())})}var xe=!0,pa=I(`
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
`),Cn=I(`
  query Ingestions($limit: Int!) {
    ingestions(limit: $limit) {
      ...ReportFields
    }
  }
`),Hn=I(`
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
`),On=20,He={APPLIED:"Applied",REJECTED:"Rejected",UNCHANGED:"Unchanged"},Nn={AUTO:"detected",HUB:"Health Metrics Hub CSV",MYFITNESSPAL:"MyFitnessPal",CRONOMETER:"Cronometer",WITHINGS:"Withings",GARMIN:"Garmin",GOOGLE_FIT:"Google Fit",FITBIT:"Fitbit",OURA:"Oura",WHOOP:"WHOOP",APPLE_HEALTH:"Apple Health",UNKNOWN:"not recognised"};function O(e){return x(e,"count")}function Oe(e){let t=[["Rows read",O(e.rowsRead)],["New days",O(e.rowsInserted)],["Updated days",O(e.rowsUpdated)],["Unchanged days",O(e.rowsUnchanged)],["Rejected rows",O(e.rowsRejected)],["Deleted days",O(e.rowsDeleted)],["Dates",e.firstDate===null?"—":`${e.firstDate} – ${e.lastDate??""}`],["KPI days recomputed",O(e.kpiDaysRecomputed)]],n=e.errors.length;return a("div",{class:"report"},a("dl",{class:"counts"},...t.map(([r,s])=>a("div",{},a("dt",{},r),a("dd",{},s)))),a("p",{},`Format: ${Nn[e.source]}. Columns: `,e.columns.length?e.columns.join(", "):"none recognised"),e.warnings.length>0&&a("div",{class:"warnings"},a("h4",{},`Warnings (${e.warnings.length})`),a("ul",{},...e.warnings.map(r=>a("li",{},r)))),e.errorCount>0&&a("table",{class:"errors"},a("caption",{},n<e.errorCount?`Errors: the first ${O(n)} of ${O(e.errorCount)}`:`Errors (${O(e.errorCount)})`),a("thead",{},a("tr",{},...["Row","Column","Value","Message"].map(r=>a("th",{scope:"col"},r)))),a("tbody",{},...e.errors.map(r=>a("tr",{},a("td",{},r.row===null?"—":String(r.row)),a("td",{},r.column??"—"),a("td",{},a("code",{},r.value??"")),a("td",{},r.message))))))}function qn(e){let t=e.filename??"(no file name)";return`${ge(e.createdAt)} · ${t} · ${He[e.status]} · ${O(e.rowsRead)} rows read, ${O(e.errorCount)} errors`}async function Ne(){let e=g("history");try{let{ingestions:t}=await P(Cn,{limit:On});if(t.length===0){$(e,a("p",{},"No uploads yet."));return}$(e,...t.map(n=>a("details",{class:`ingestion status-${n.status}`,"data-id":n.id},a("summary",{},qn(n)),Oe(n))))}catch(t){$(e,a("p",{role:"alert"},`Could not load the upload history: ${M(t)}`))}}function Bt(e){let t=g("upload-form"),n=g("upload-file"),r=g("upload-policy"),s=g("upload-date-order"),o=g("upload-submit"),i=g("upload-result");o.textContent=xe?"Preview":"Upload";let u=(m,b)=>ze(Hn,{file:m,onInvalidRow:r.value,dateOrder:s.value,dryRun:b}).then(T=>T.importFile),p=m=>{$(i,a("h3",{},`${He[m.status]}: ${m.filename??""}`),Oe(m)),m.status==="APPLIED"?e():Ne()},l=m=>{$(i,a("p",{role:"status"},xe?"Checking the file…":"Uploading…")),u(m,xe).then(b=>xe?h(m,b):p(b),b=>$(i,a("p",{role:"alert"},`Not uploaded: ${M(b)}`)))},h=(m,b)=>{let T=a("button",{type:"button",id:"upload-apply",disabled:b.status==="REJECTED"},"Apply"),K=b.status==="REJECTED"&&r.value==="REJECT_FILE"&&b.rowsRejected>0&&b.rowsRejected<b.rowsRead,C=a("button",{type:"button",id:"upload-skip"},`Skip the ${O(b.rowsRejected)} invalid rows and preview again`);C.addEventListener("click",()=>{r.value="SKIP_ROW",l(m)});let S=a("button",{type:"button",class:"secondary"},"Cancel");T.addEventListener("click",()=>{T.disabled=!0,$(i,a("p",{role:"status"},"Applying…")),u(m,!1).then(p,f=>{$(i,a("p",{role:"alert"},`Not applied: ${M(f)}`))})}),S.addEventListener("click",()=>$(i)),$(i,a("h3",{},`Preview: ${m.name} would be ${He[b.status].toLowerCase()}`),a("p",{},"Nothing is stored yet."),Oe(b),K&&a("p",{},`${O(b.rowsRead-b.rowsRejected)} of ${O(b.rowsRead)} rows are valid.`),a("div",{class:"actions"},K&&C,T,S))};t.addEventListener("submit",m=>{m.preventDefault();let b=n.files?.[0];if(b===void 0){$(i,a("p",{role:"alert"},"Choose a file first."));return}l(b)}),n.addEventListener("change",()=>$(i))}var Un=I(`
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
`),qe=null,ae=null,Jt=null,Ue=e=>qe?.open(e);function Gn(e){let t=Jt;if(ae===null||t===null){ue(e);return}let n=e>ae.last?e:ae.last;Ke(n,t,Ue).then(()=>ue(e,n))}async function ue(e,t=null){let n=g("page-status");try{let{dataRange:r,profile:s}=await P(Un),o=z(s);Jt=s,(e===null||e==="all")&&(Nt(s,()=>{ue("all")}),Ne()),qe??=Ht(g("entry"),o,(p,l)=>l==="saved"?Gn(p):void ue(p)),qe.setUnit(o);let{firstDate:i,lastDate:u}=r;Lt(i===null||u===null),ae=i===null||u===null?null:{first:i,last:u},g("download-csv").hidden=ae===null,i!==null&&u!==null?(g("days-logged").textContent=`${x(r.daysLogged,"count")} days logged, ${i} to ${u}`,u!==t&&Ke(u,s,Ue),Wn(i,u,s,e)):g("days-logged").textContent="Nothing logged yet",n.textContent="",g("forget-token").hidden=de()===null,document.body.dataset.loaded="true"}catch(r){n.textContent=`Could not reach the API: ${M(r)}`}}function Wn(e,t,n,r){let s=r;Gt(e,t,o=>{Ft(o,n,s),s=null,Qt(o,z(n))})}function _n(){g("forget-token").addEventListener("click",()=>{je(),pe().then(()=>location.reload())}),g("download-csv").addEventListener("click",()=>{if(ae===null)return;let{first:e,last:t}=ae,n=g("download-status");n.textContent="Preparing the file…",gt(e,t,ce).then(r=>{yt(r,`healthhub-${e}-to-${t}.csv`),n.textContent=`Downloaded the days from ${e} to ${t}.`},r=>{n.textContent=`Could not download: ${M(r)}`})}),Xe(e=>{let t=g("offline-status");t.hidden=e===null,e!==null&&(t.textContent=`Offline: the figures as last loaded, ${ge(e)}. Changes need the network.`)})}Kt(Ue);_n();jt();Bt(()=>{ue("all")});Ve();ue(null);
