<#--
  One table as a LaTeX fragment: just the table environment, to \input into a manuscript
  (output format LaTeX: every ${...} is escaped). Number columns are siunitx S columns aligned on the
  decimal point; parentheses and stars hang outside the number ({(}0.0123{)}, -0.0223\sym{***}),
  with table-space-text-pre/post reserving their width; text cells in number columns are braced.
-->
<#macro stars s><#if s?matches("[*]+")>\sym{${s?no_esc}}<#elseif s?has_content>\sym{${s}}</#if></#macro>
<#macro colspec c><#if c.s>S[table-format=${c.format}, table-align-text-before=false, table-align-text-after=false<#if c.pre?has_content>, table-space-text-pre={${c.pre}}</#if><#if c.post?has_content || c.stars?has_content>, table-space-text-post={${c.post}<@stars c.stars/>}</#if>]<#elseif c.kind == "NUMBER">c<#else>l</#if></#macro>
<#macro head s><#if s.width gt 1>\multicolumn{${s.width}}{c}{${s.text}}<#elseif s.s>{${s.text}}<#else>${s.text}</#if></#macro>
<#macro cell c><#if c.s><#if c.pre?has_content>{${c.pre}}</#if>${c.num}<#if c.post?has_content>{${c.post}}</#if><@stars c.stars/><#elseif c.kind == "NUMBER">{${c.text}<@stars c.stars/>}<#else>${c.text}<@stars c.stars/></#if></#macro>
% Reprise table ${table.id}
% Preamble requirements: \usepackage[T1]{fontenc} \usepackage{booktabs} \usepackage{threeparttable} \usepackage{siunitx}
\begin{table}[htbp]
\centering
\providecommand{\sym}[1]{\ifmmode^{#1}\else\(^{#1}\)\fi}
\begin{threeparttable}
<#if table.title?has_content>
\renewcommand{\thetable}{${table.number}}% the report's number for this table (spec key `number:`)
\caption{${table.title}}
</#if>
\label{tab:${table.id?no_esc}}
\begin{tabular}{@{}<#list table.columns as c><@colspec c/><#sep> </#sep></#list>@{}}
\toprule
<#list table.headers as hr>
<#list hr.spans as s><@head s/><#sep> & </#sep></#list> \\
<#if hr.rules?has_content>
<#list hr.rules as r>\cmidrule(lr){${r.first}-${r.last}}</#list>
</#if>
</#list>
<#if table.headers?has_content>
\midrule
</#if>
<#list table.sections as sec>
<#list sec.rows as r>
<#list r.cells as c><@cell c/><#sep> & </#sep></#list> \\
</#list>
<#sep>
\midrule
</#sep>
</#list>
\bottomrule
\end{tabular}
<#if table.notes?has_content>
\begin{tablenotes}[flushleft]
\footnotesize
<#list table.notes as n>
\item ${n}
</#list>
\end{tablenotes}
</#if>
\end{threeparttable}
\end{table}
