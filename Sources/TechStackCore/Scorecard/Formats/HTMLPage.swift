/// The pieces every scorecard page shares: escaping, the page shell with its inline style and
/// script, and number formatting. A page needs no network: no external font, style or script,
/// and a content security policy that forbids loading any.
enum HTMLPage {
    static func escape(_ text: String) -> String { Escape.html(text) }

    /// A number for SVG coordinates: at most one decimal.
    static func n(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(abs(tenths % 10))"
    }

    /// Green from 80 %, amber from 50 %, red below, grey without a rate.
    static func rateClass(_ value: Double?) -> String {
        guard let value else { return "none" }
        return value >= 0.8 ? "good" : value >= 0.5 ? "fair" : "poor"
    }

    /// A sortable table: the header cells are buttons (keyboard accessible), cells with a
    /// `data-v` attribute sort by that number.
    static func sortableTable(id: String, caption: String, header: [(title: String, numeric: Bool)], rows: [String]) -> String {
        var out = "<div class=\"table-wrap\"><table class=\"sortable\" id=\"\(id)\"><caption>\(escape(caption))</caption><thead><tr>"
        for column in header {
            out += "<th scope=\"col\" aria-sort=\"none\"\(column.numeric ? " class=\"num\"" : "")><button type=\"button\" data-numeric=\"\(column.numeric)\">\(escape(column.title))<span class=\"arrow\" aria-hidden=\"true\"></span></button></th>"
        }
        out += "</tr></thead><tbody>\n"
        for row in rows { out += row + "\n" }
        return out + "</tbody></table></div>"
    }

    static func document(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
        <title>\(escape(title))</title>
        <style>\(css)\n\(BurnUpChart.css)</style>
        </head>
        <body>
        \(body)
        <script>\(script)</script>
        </body>
        </html>

        """
    }

    static let css = """
    :root{--ink:#1b2330;--muted:#5b6675;--line:#dde2e8;--bg:#f5f7fa;--card:#fff;--good:#1f8a4c;--fair:#d08c00;--poor:#c9372c;--none:#c3cad3;--accent:#1d4ed8}
    *{box-sizing:border-box}
    body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--ink);background:var(--bg)}
    header.top{background:#14213d;color:#fff;padding:20px 32px}
    header.top h1{margin:0;font-size:22px;font-weight:650}
    header.top p{margin:4px 0 0;color:#c9d3e3}
    main{max-width:1280px;margin:0 auto;padding:20px 32px 48px}
    section{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:16px 20px;margin:18px 0}
    h2{font-size:17px;margin:0 0 4px}
    p.note{color:var(--muted);margin:0 0 12px}
    .cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(170px,1fr));gap:12px;margin:18px 0}
    .card{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:12px 14px}
    .card .value{font-size:26px;font-weight:700;line-height:1.1}
    .card .label{color:var(--muted);font-size:12.5px;margin-top:4px}
    .card.alert .value{color:var(--poor)}
    .card.good .value{color:var(--good)} .card.fair .value{color:var(--fair)} .card.poor .value{color:var(--poor)}
    .charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(520px,1fr));gap:18px}
    .charts section{margin:0}
    svg text{font:12px system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;fill:var(--ink)}
    svg .muted{fill:var(--muted)}
    svg .good{fill:var(--good)} svg .fair{fill:var(--fair)} svg .poor{fill:var(--poor)} svg .none{fill:var(--none)}
    svg .rec{fill:var(--good)} svg .dev{fill:var(--poor)} svg .una{fill:#e6e9ee}
    svg .grid{stroke:var(--line);stroke-width:1}
    svg .axis{stroke:#9aa4b1;stroke-width:1}
    .legend{display:flex;gap:16px;flex-wrap:wrap;color:var(--muted);font-size:12.5px;margin:6px 0 10px}
    .legend i{display:inline-block;width:12px;height:12px;border-radius:2px;margin-right:5px;vertical-align:-2px}
    .legend .rec,.legend .good{background:var(--good)} .legend .dev,.legend .poor{background:var(--poor)} .legend .una{background:#e6e9ee;border:1px solid var(--line)} .legend .fair{background:var(--fair)}
    .heat{overflow-x:auto}
    .table-wrap{overflow-x:auto}
    table{border-collapse:collapse;width:100%;font-size:13px}
    caption{text-align:left;color:var(--muted);padding:0 0 6px}
    th,td{padding:6px 8px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
    th.num,td.num{text-align:right;font-variant-numeric:tabular-nums}
    thead th{position:sticky;top:0;background:#eef1f5;vertical-align:bottom}
    th.num{min-width:4.5em} td:first-child{min-width:11em}
    td small{display:block;color:var(--muted)}
    th button{all:unset;cursor:pointer;font-weight:600}
    th button:focus-visible{outline:2px solid var(--accent);outline-offset:2px}
    th[aria-sort=ascending] .arrow::after{content:" ▲"} th[aria-sort=descending] .arrow::after{content:" ▼"}
    tbody tr:hover{background:#f8fafc}
    .pill{display:inline-block;padding:1px 7px;border-radius:10px;font-size:12px;font-weight:600;color:#fff}
    .pill.good{background:var(--good)} .pill.fair{background:var(--fair)} .pill.poor{background:var(--poor)} .pill.none{background:var(--none);color:var(--ink)}
    .minibar{display:inline-block;height:8px;background:var(--poor);border-radius:2px;vertical-align:middle;margin-left:6px}
    code{font:12.5px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:#f0f2f5;padding:1px 4px;border-radius:3px}
    td.error{color:var(--poor)}
    .up{color:var(--good);font-weight:600} .down{color:var(--poor);font-weight:600}
    footer{color:var(--muted);font-size:12px;text-align:center;margin-top:24px}
    """

    /// Sorts a table by the clicked column; a second click reverses. Works with Enter and Space
    /// because the headers are buttons.
    static let script = """
    (function(){
      document.querySelectorAll("table.sortable").forEach(function(table){
        var heads = table.querySelectorAll("thead th");
        heads.forEach(function(th, index){
          var button = th.querySelector("button");
          if (!button) return;
          button.addEventListener("click", function(){
            var numeric = button.getAttribute("data-numeric") === "true";
            var ascending = th.getAttribute("aria-sort") !== "ascending";
            heads.forEach(function(other){ other.setAttribute("aria-sort", "none"); });
            th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
            var body = table.tBodies[0];
            var rows = Array.prototype.slice.call(body.rows);
            function key(row){
              var cell = row.cells[index];
              if (!cell) return numeric ? -Infinity : "";
              var v = cell.getAttribute("data-v");
              if (numeric) { var x = parseFloat(v !== null ? v : cell.textContent); return isNaN(x) ? -Infinity : x; }
              return (v !== null ? v : cell.textContent).trim().toLowerCase();
            }
            rows.sort(function(a, b){
              var ka = key(a), kb = key(b);
              var c = ka < kb ? -1 : ka > kb ? 1 : 0;
              return ascending ? c : -c;
            });
            var fragment = document.createDocumentFragment();
            rows.forEach(function(row){ fragment.appendChild(row); });
            body.appendChild(fragment);
          });
        });
      });
    })();
    """
}
