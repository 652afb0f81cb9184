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
