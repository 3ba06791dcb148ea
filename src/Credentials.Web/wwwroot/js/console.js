// Progressive enhancement only: every page works without this file.
(function () {
    "use strict";

    // Messages stay until dismissed: show the close button only when it can work.
    document.querySelectorAll(".fermer-message").forEach(function (bouton) {
        bouton.hidden = false;
        bouton.addEventListener("click", function () { bouton.closest(".message").remove(); });
    });

    // An error summary takes focus so a screen reader announces it.
    var resume = document.querySelector("[data-focus='true']");
    if (resume) { resume.focus(); }

    // On a phone the tabs are one row that scrolls: bring the current tab into view.
    var ongletActif = document.querySelector(".onglets [aria-current='page']");
    if (ongletActif && ongletActif.parentElement.parentElement.scrollWidth > ongletActif.parentElement.parentElement.clientWidth) {
        ongletActif.parentElement.parentElement.scrollLeft = ongletActif.offsetLeft - 16;
    }

    // A table wider than the screen scrolls in its own box: let the keyboard reach and scroll that box too
    // (only when it does overflow, so that narrow tables add no tab stop).
    function cadresDefilants() {
        document.querySelectorAll(".tableau-conteneur").forEach(function (cadre) {
            var deborde = cadre.scrollWidth > cadre.clientWidth;
            if (deborde && !cadre.hasAttribute("tabindex")) {
                var legende = cadre.querySelector("caption");
                cadre.setAttribute("tabindex", "0");
                cadre.setAttribute("role", "region");
                cadre.setAttribute("aria-label", (legende ? legende.textContent.trim() + " — " : "") + "tableau défilant");
            } else if (!deborde && cadre.getAttribute("role") === "region") {
                cadre.removeAttribute("tabindex");
                cadre.removeAttribute("role");
                cadre.removeAttribute("aria-label");
            }
        });
    }
    cadresDefilants();
    window.addEventListener("resize", cadresDefilants);
    // The result page of an action starts its document's first download by itself.
    var telechargement = document.querySelector("form[data-telechargement-auto='true']");
    if (telechargement) { telechargement.submit(); }

    // A form that produces a document: one click, a disabled button and a word while it is built.
    document.querySelectorAll("form[data-progression]").forEach(function (form) {
        form.addEventListener("submit", function (e) {
            var bouton = e.submitter;
            if (!bouton) { return; }
            if (form.getAttribute("data-envoye") === "true") { e.preventDefault(); return; }
            form.setAttribute("data-envoye", "true");
            form.setAttribute("aria-busy", "true");
            var progression = form.querySelector("[data-progression-texte]");
            if (progression) { progression.hidden = false; }
            window.setTimeout(function () { bouton.disabled = true; }, 0);
        });
    });

    // Row selection: "select the page" checkbox and a live count.
    var formulaire = document.querySelector("form[data-selection]");
    if (!formulaire) { return; }
    var cases = Array.from(formulaire.querySelectorAll("input[name='ids']"));
    var page = formulaire.querySelector("input[data-selectionner-page]");
    var tous = formulaire.querySelector("input[name='tous']");
    var compteur = formulaire.querySelector("[data-compteur]");
    var total = parseInt(formulaire.getAttribute("data-total") || "0", 10);
    var singulier = formulaire.getAttribute("data-singulier") || "compte";
    var pluriel = formulaire.getAttribute("data-pluriel") || "comptes";

    function majCompteur() {
        var n = tous && tous.checked ? total : cases.filter(function (c) { return c.checked; }).length;
        if (compteur) {
            compteur.textContent = n.toLocaleString("fr-FR") + " " + (n > 1 ? pluriel : singulier) + (n > 1 ? " sélectionnés" : " sélectionné");
        }
        if (page) { page.checked = cases.length > 0 && cases.every(function (c) { return c.checked; }); }
    }
    if (page) {
        page.addEventListener("change", function () {
            cases.forEach(function (c) { c.checked = page.checked; });
            if (!page.checked && tous) { tous.checked = false; }
            majCompteur();
        });
    }
    if (tous) {
        tous.addEventListener("change", function () {
            cases.forEach(function (c) { c.checked = tous.checked; });
            majCompteur();
        });
    }
    cases.forEach(function (c) {
        c.addEventListener("change", function () {
            if (!c.checked && tous) { tous.checked = false; }
            majCompteur();
        });
    });
    majCompteur();
})();
