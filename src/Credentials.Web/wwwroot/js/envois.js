// Progress of running e-mail campaigns: re-reads /envois/{id}/progression every 2 s until the campaign is
// done. Progressive enhancement only: without this file the page shows the same numbers and an « Actualiser » link.
(function () {
    "use strict";

    document.querySelectorAll("[data-progression]").forEach(function (bloc) {
        var url = bloc.getAttribute("data-progression");
        var barre = bloc.querySelector("progress");
        var texte = bloc.querySelector("[data-progression-texte]");
        var minuterie = null;

        function lire() {
            fetch(url, { headers: { "Accept": "application/json" }, credentials: "same-origin", cache: "no-store" })
                .then(function (reponse) {
                    if (!reponse.ok) { throw new Error(reponse.status); }
                    return reponse.json();
                })
                .then(function (p) {
                    barre.max = Math.max(p.total, 1);
                    barre.value = p.envoyes;
                    barre.textContent = p.envoyes + " / " + p.total;
                    // role="status" announces the change; only write when the words change.
                    if (texte.textContent !== p.texte) { texte.textContent = p.texte; }
                    if (p.terminee) { clearInterval(minuterie); }
                })
                .catch(function () { clearInterval(minuterie); });
        }

        minuterie = setInterval(lire, 2000);
    });
})();
