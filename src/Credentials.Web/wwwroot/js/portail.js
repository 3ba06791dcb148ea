// The activation portal's only script (no inline script: the CSP forbids it). Every page works without it;
// it adds: focus on the error summary, live ticking of the password rules, "show passwords", one submit per form.
// The rules mirror Credentials.Core.Portail.PolitiqueMotDePasse; the server checks them all again.
(function () {
    'use strict';

    var LONGUEUR_MIN = 8;
    var LONGUEUR_PHRASE = 14;
    var TYPES_MIN = 3;
    var PARTIE_MIN = 3;

    function replier(texte) {
        return (texte || '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
    }

    function longueur(texte) {
        return Array.from(texte).length;
    }

    function types(texte) {
        var minuscule = false, majuscule = false, chiffre = false, autre = false;
        Array.from(texte).forEach(function (c) {
            if (/\p{Ll}/u.test(c)) { minuscule = true; }
            else if (/\p{Lu}/u.test(c)) { majuscule = true; }
            else if (/\p{Nd}/u.test(c)) { chiffre = true; }
            else { autre = true; }
        });
        return [minuscule, majuscule, chiffre, autre].filter(Boolean).length;
    }

    function parties(texte) {
        return replier(texte).split(/[\s.\-'’_]+/)
            .map(function (p) { return p.replace(/\d+$/, ''); })
            .filter(function (p) { return p.length >= PARTIE_MIN; });
    }

    function contientIdentite(motDePasse, identifiant, nom, prenom) {
        var replie = replier(motDePasse);
        var morceaux = parties(identifiant).concat(parties(nom), parties(prenom));
        var entier = replier(identifiant).trim();
        if (entier.length >= PARTIE_MIN) { morceaux.push(entier); }
        return morceaux.some(function (p) { return replie.indexOf(p) >= 0; });
    }

    function activerRegles(liste) {
        var champ = document.getElementById(liste.dataset.reglesPour);
        var confirmation = document.getElementById(liste.dataset.confirmation);
        var champIdentifiant = document.getElementById(liste.dataset.champIdentifiant);
        var bilan = liste.parentElement.querySelector('[data-bilan-regles]');
        if (!champ) { return; }
        liste.parentElement.classList.add('regles-actives');
        var minuterie = null;

        function verifier() {
            var mdp = champ.value;
            var identifiant = liste.dataset.identifiant || (champIdentifiant ? champIdentifiant.value : '');
            var n = longueur(mdp);
            var etats = {
                longueur: n >= LONGUEUR_MIN,
                types: n >= LONGUEUR_PHRASE || (n >= LONGUEUR_MIN && types(mdp) >= TYPES_MIN),
                identite: n > 0 && !contientIdentite(mdp, identifiant, liste.dataset.nom, liste.dataset.prenom),
                confirmation: n > 0 && !!confirmation && confirmation.value === mdp
            };
            var respectees = 0;
            var regles = liste.querySelectorAll('[data-regle]');
            regles.forEach(function (li) {
                var ok = !!etats[li.dataset.regle];
                if (ok) { respectees++; }
                li.classList.toggle('regle-ok', ok);
                li.querySelector('.etat-regle').textContent = ok ? '\u00A0: respectée' : '\u00A0: pas encore respectée';
            });
            if (bilan) {
                // Announced once typing pauses, not on every key.
                clearTimeout(minuterie);
                minuterie = setTimeout(function () {
                    bilan.textContent = mdp.length === 0 ? '' : 'Règles respectées\u00A0: ' + respectees + ' sur ' + regles.length + '.';
                }, 800);
            }
        }

        champ.addEventListener('input', verifier);
        if (confirmation) { confirmation.addEventListener('input', verifier); }
        if (champIdentifiant) { champIdentifiant.addEventListener('input', verifier); }
        verifier();
    }

    function activerAffichage(bloc) {
        var formulaire = bloc.closest('form') || document;
        var caseACocher = bloc.querySelector('input[type="checkbox"]');
        var champs = Array.from(formulaire.querySelectorAll('input[type="password"]'));
        bloc.hidden = false;
        caseACocher.addEventListener('change', function () {
            champs.forEach(function (c) { c.type = caseACocher.checked ? 'text' : 'password'; });
        });
    }

    function envoiUnique(formulaire) {
        formulaire.addEventListener('submit', function (e) {
            if (formulaire.dataset.envoye === '1') { e.preventDefault(); return; }
            formulaire.dataset.envoye = '1';
        });
    }

    document.addEventListener('DOMContentLoaded', function () {
        var resume = document.getElementById('resume-erreurs');
        if (resume) { resume.focus(); }
        document.querySelectorAll('[data-regles-pour]').forEach(activerRegles);
        document.querySelectorAll('[data-afficher-mdp]').forEach(activerAffichage);
        document.querySelectorAll('form[data-envoi-unique]').forEach(envoiUnique);
    });

    // Back/forward cache: a page shown again must accept a new submit.
    window.addEventListener('pageshow', function () {
        document.querySelectorAll('form[data-envoi-unique]').forEach(function (f) { delete f.dataset.envoye; });
    });
})();
