"""Reads every message of a Maildir (or a folder of .eml files) with Python's email module and prints
them as JSON: headers decoded, text and HTML bodies decoded, attachments written to an output folder."""
import email
import json
import os
import sys
from email import policy


def fichiers(dossier):
    if os.path.isdir(os.path.join(dossier, "new")):
        for sous in ("new", "cur"):
            for nom in sorted(os.listdir(os.path.join(dossier, sous))):
                yield os.path.join(dossier, sous, nom)
    else:
        for nom in sorted(os.listdir(dossier)):
            if nom.endswith(".eml"):
                yield os.path.join(dossier, nom)


def corps(message, type_):
    partie = message.get_body(preferencelist=(type_,))
    return partie.get_content() if partie is not None else None


def main():
    dossier, sortie = sys.argv[1], sys.argv[2]
    os.makedirs(sortie, exist_ok=True)
    resultats = []
    for n, chemin in enumerate(fichiers(dossier)):
        with open(chemin, "rb") as f:
            message = email.message_from_binary_file(f, policy=policy.default)
        pieces = []
        for k, piece in enumerate(message.iter_attachments()):
            contenu = piece.get_content()
            fichier = os.path.join(sortie, "%d-%d.bin" % (n, k))
            with open(fichier, "wb") as f:
                f.write(contenu)
            pieces.append({"nom": piece.get_filename(), "type": piece.get_content_type(), "chemin": fichier})
        resultats.append({
            "fichier": chemin,
            "messageId": str(message["Message-ID"] or ""),
            "de": str(message["From"] or ""),
            "a": str(message["To"] or ""),
            "sujet": str(message["Subject"] or ""),
            "autoSubmitted": str(message["Auto-Submitted"] or ""),
            "langue": str(message["Content-Language"] or ""),
            "repondreA": str(message["Reply-To"] or ""),
            "texte": corps(message, "plain"),
            "html": corps(message, "html"),
            "piecesJointes": pieces,
        })
    json.dump(resultats, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
