// The anchoring report's Print button (a module: the pages run no inline script).
document.getElementById('print-report')?.addEventListener('click', () => window.print());
