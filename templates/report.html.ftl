<#--
  The HTML shell (output format HTML: ${title} is escaped). ${body} is the report's Markdown converted by
  flexmark (raw HTML in the Markdown is escaped, never passed through). Self-contained: inline stylesheet,
  figures as data: URIs, no scripts, no external resources.
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
h1 + p { text-align: center; }
h2 { font-size: 1.35rem; margin: 2rem 0 .6rem; }
h3 { font-size: 1.12rem; margin: 1.5rem 0 .5rem; }
p { margin: .7rem 0; }
table { border-collapse: collapse; margin: .6rem auto; font-size: .85rem; line-height: 1.3;
  display: block; max-width: 100%; overflow-x: auto; width: max-content;
  border-top: 2px solid #000; border-bottom: 2px solid #000; font-variant-numeric: tabular-nums; }
thead th { font-weight: 600; border-bottom: 1px solid #000; padding: .35rem .6rem; }
td { padding: .12rem .6rem; white-space: nowrap; }
td:first-child, th:first-child { padding-left: .25rem; }
p > em:only-child { font-size: .9rem; }
img { display: block; max-width: 100%; height: auto; margin: 1rem auto .3rem; }
</style>
</head>
<body>
${body}
</body>
</html>
