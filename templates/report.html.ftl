<#--
  The report as one self-contained HTML page (output format HTML: every ${...} is escaped): inline stylesheet,
  figures as data: URIs, no scripts, no external resources. Tables are rendered by table.html.ftl.
  Data: title, authors[], abstract, blocks[] as for report.md.ftl; paragraph text has true minus signs.
-->
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>
body { max-width: 60rem; margin: 2.5rem auto; padding: 0 1.25rem; color: #1a1a1a; background: #fff;
  font-family: Charter, "Bitstream Charter", Georgia, "Times New Roman", serif; font-size: 17px; line-height: 1.55; }
h1 { font-size: 1.9rem; line-height: 1.2; margin: 0 0 .5rem; text-align: center; }
p.authors { text-align: center; }
h2 { font-size: 1.35rem; margin: 2rem 0 .6rem; }
h3 { font-size: 1.12rem; margin: 1.5rem 0 .5rem; }
h4 { font-size: 1rem; margin: 1.2rem 0 .4rem; }
p { margin: .7rem 0; }
table.reprise { border-collapse: collapse; margin: 1.2rem auto; font-size: .85rem; line-height: 1.3;
  border-top: 2px solid #000; border-bottom: 2px solid #000; font-variant-numeric: tabular-nums; }
table.reprise caption { caption-side: top; font-size: .95rem; padding-bottom: .4rem; }
table.reprise caption .label { font-weight: 600; }
table.reprise th { font-weight: 600; padding: .3rem .6rem; vertical-align: bottom; }
table.reprise thead tr:last-child th { border-bottom: 1px solid #000; }
table.reprise th.group { text-align: center; }
table.reprise th.rule { border-bottom: 1px solid #000; }
table.reprise th.num { text-align: center; }
table.reprise th.text { text-align: left; }
table.reprise td { padding: .12rem .6rem; white-space: nowrap; }
table.reprise td.num { text-align: right; }
table.reprise td.text { text-align: left; white-space: normal; min-width: 6rem; }
table.reprise td:first-child, table.reprise th:first-child { padding-left: .25rem; }
table.reprise tbody + tbody tr:first-child > * { border-top: 1px solid #000; }
table.reprise tr.full th { text-align: left; font-weight: 600; font-style: italic; padding-top: .4rem; }
table.reprise .hang { display: inline-block; min-width: 1.5em; text-align: left; }
table.reprise sup.stars { font-size: .75em; line-height: 0; }
table.reprise tfoot td.notes { font-size: .8rem; white-space: normal; padding: .4rem .25rem 0; border-top: 1px solid #000; }
table.reprise tfoot p { margin: .15rem 0; }
.table-scroll { max-width: 100%; overflow-x: auto; }
figure { margin: 1.5rem 0; text-align: center; }
figure img { display: block; max-width: 100%; height: auto; margin: 0 auto .3rem; }
figcaption { font-size: .9rem; }
</style>
</head>
<body>
<h1>${title}</h1>
<#if authors?has_content>
<p class="authors"><#list authors as a>${a}<#sep>, </#sep></#list></p>
</#if>
<#if abstract?has_content>
<p class="abstract"><strong>Abstract.</strong> ${abstract}</p>
</#if>
<#list blocks as b>
<#if b.type == "heading">
<#assign level = [b.level + 1, 6]?min>
<h${level}>${b.text}</h${level}>
<#elseif b.type == "paragraph">
<p>${b.text}</p>
<#elseif b.type == "table">
<#assign table = b.table>
<div class="table-scroll">
<#include "table.html.ftl">
</div>
<#elseif b.type == "figure">
<figure id="fig-${b.id}">
<#if b.present>
<img src="${b.src}" alt="Figure ${b.number}">
</#if>
<figcaption><em>Figure ${b.number}<#if b.caption?has_content>: ${b.caption}</#if></em><#if !b.present> (file ${b.path} not found)</#if></figcaption>
</figure>
</#if>
</#list>
</body>
</html>
