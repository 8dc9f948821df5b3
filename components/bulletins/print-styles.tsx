/**
 * Print rules of the bulletin page only, so no other page's printout changes: an A4 sheet with 18 mm margins, the
 * signed-in frame (top bar and navigation) left out, and the page's own width and padding given back to the paper.
 * Buttons and links of the page itself carry Tailwind's `print:hidden`.
 */
const PRINT_CSS = `
@media print {
  @page { size: A4; margin: 18mm; }
  html, body { background: #fff !important; }
  body header, body nav, [data-print-hidden] { display: none !important; }
  main#main { max-width: none !important; padding: 0 !important; margin: 0 !important; }
  table { page-break-inside: auto; }
  tr, caption { break-inside: avoid; }
  thead { display: table-header-group; }
}
`;

export function BulletinPrintStyles() {
  return <style>{PRINT_CSS}</style>;
}
