"""Outlook .msg files, through extract-msg (mail-parser's `outlook` extra).

The message is turned into a standard email in memory and read like any .eml,
so its sender, date, body and attachments are found the same way.
"""

from __future__ import annotations

from . import LoadError, Limits
from .email import load_email


def load_msg(path: str, limits: Limits = Limits()):
    try:
        import extract_msg
    except ImportError:
        raise LoadError(f"{path}: reading Outlook .msg files needs the extract-msg package (pip install 'mail-parser[outlook]')") from None
    try:
        message = extract_msg.openMsg(path)
    except Exception as error:
        reason = str(error).strip().split("\n")[0][:100] or type(error).__name__
        raise LoadError(f"{path}: could not be read as an Outlook message ({reason})") from None
    try:
        convert = getattr(message, "asEmailMessage", None)
        if convert is None:
            raise LoadError(f"{path}: this Outlook file is not an email (it is a {type(message).__name__})")
        try:
            data = convert().as_bytes()
        except Exception as error:
            reason = str(error).strip().split("\n")[0][:100] or type(error).__name__
            raise LoadError(f"{path}: could not be read as an Outlook message ({reason})") from None
    finally:
        try:
            message.close()
        except Exception:
            pass
    doc = load_email(data, path, limits)
    doc.source_format = "outlook"
    doc.places = doc.find_places = None  # the lines were of the email made in memory, not of the .msg file
    return doc
