"""What aiosmtpd alone takes: re-sends one captured message N times (fresh Message-ID each) over T
parallel smtplib connections and prints the rate. Run with /usr/bin/python3 (any Python works)."""
import argparse
import re
import smtplib
import threading
import time
import uuid


def main():
    a = argparse.ArgumentParser()
    a.add_argument("--port", type=int, required=True)
    a.add_argument("--eml", required=True)
    a.add_argument("--count", type=int, required=True)
    a.add_argument("--threads", type=int, required=True)
    args = a.parse_args()
    with open(args.eml, "rb") as f:
        modele = f.read()
    # Maildir adds nothing before the headers; the message is sent as the dispatcher sent it.
    parts = [args.count // args.threads + (1 if i < args.count % args.threads else 0) for i in range(args.threads)]

    def envoyer(nombre):
        with smtplib.SMTP("127.0.0.1", args.port) as smtp:
            for _ in range(nombre):
                corps = re.sub(rb"(?im)^Message-ID:.*$", b"Message-ID: <" + uuid.uuid4().hex.encode() + b"@bench.test>", modele, count=1)
                smtp.sendmail("bench@bench.test", ["eleve@exemple.test"], corps)

    debut = time.perf_counter()
    fils = [threading.Thread(target=envoyer, args=(n,)) for n in parts]
    for t in fils:
        t.start()
    for t in fils:
        t.join()
    duree = time.perf_counter() - debut
    print("%d %.3f %.1f" % (args.count, duree, args.count / duree))


if __name__ == "__main__":
    main()
