"""A real SMTP server for the e-mail tests (Debian's aiosmtpd; run it with /usr/bin/python3).

Stores accepted messages in a Maildir. Fault modes:
  --temporaires N   answer 451 to the first N attempts of each Message-ID, then accept it
  --refus           answer 550 to every message
Runs until killed (the tests kill it by PID).
"""
import argparse
import collections
import email
import mailbox
import signal
import threading

from aiosmtpd.controller import Controller


class Boite:
    def __init__(self, dossier, temporaires, refus):
        self.boite = mailbox.Maildir(dossier, create=True)
        self.temporaires = temporaires
        self.refus = refus
        self.tentatives = collections.Counter()
        self.verrou = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        brut = envelope.original_content or envelope.content
        message_id = email.message_from_bytes(brut).get("Message-ID", "")
        with self.verrou:
            self.tentatives[message_id] += 1
            tentative = self.tentatives[message_id]
        if self.refus:
            return "550 5.1.1 <%s>: Recipient address rejected: User unknown in local recipient table" % envelope.rcpt_tos[0]
        if tentative <= self.temporaires:
            return "451 4.3.0 Temporary failure (attempt %d), try again later" % tentative
        with self.verrou:
            self.boite.add(brut)
        return "250 2.0.0 OK: queued"


def main():
    arguments = argparse.ArgumentParser()
    arguments.add_argument("--port", type=int, required=True)
    arguments.add_argument("--maildir", required=True)
    arguments.add_argument("--temporaires", type=int, default=0)
    arguments.add_argument("--refus", action="store_true")
    a = arguments.parse_args()
    controleur = Controller(Boite(a.maildir, a.temporaires, a.refus), hostname="127.0.0.1", port=a.port)
    controleur.start()
    print("ready", flush=True)
    fin = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: fin.set())
    signal.signal(signal.SIGINT, lambda *_: fin.set())
    fin.wait()
    controleur.stop()


if __name__ == "__main__":
    main()
