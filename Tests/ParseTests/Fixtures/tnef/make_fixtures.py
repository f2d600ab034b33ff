#!/usr/bin/env python3
"""Writes the winmail.dat fixtures for Mailroom's TNEF tests, and expected.json describing what each holds.

There is no TNEF encoder in Debian, so this is a small writer following [MS-OXTNEF] (attributes, MAPI property
lists) and [MS-OXRTFCP] (compressed RTF, with a simple greedy LZFu compressor). The Swift tests read the files,
compare with expected.json, and cross-check with Debian's independent decoder `tnef` when it is installed.

Run from anywhere: python3 make_fixtures.py   (deterministic: same bytes every run)
"""
import hashlib
import json
import os
import random
import struct

HERE = os.path.dirname(os.path.abspath(__file__))

SIGNATURE = 0x223E9F78
LVL_MESSAGE, LVL_ATTACHMENT = 1, 2

# Attribute ids: (type << 16) | tag
attSubject = 0x00018004
attMessageID = 0x00018009
attMessageClass = 0x00078008
attBody = 0x0002800C
attDateSent = 0x00038005
attMsgProps = 0x00069003
attTnefVersion = 0x00089006
attOemCodepage = 0x00069007
attAttachRendData = 0x00069002
attAttachTitle = 0x00018010
attAttachData = 0x0006800F
attAttachCreateDate = 0x00038012
attAttachModifyDate = 0x00038013
attAttachment = 0x00069005

# MAPI property types
PT_SHORT, PT_LONG, PT_BOOLEAN, PT_OBJECT = 0x0002, 0x0003, 0x000B, 0x000D
PT_STRING8, PT_UNICODE, PT_SYSTIME, PT_CLSID, PT_BINARY = 0x001E, 0x001F, 0x0040, 0x0048, 0x0102
MV_FLAG = 0x1000

PR_SUBJECT = 0x0037
PR_BODY = 0x1000
PR_RTF_COMPRESSED = 0x1009
PR_HTML = 0x1013
PR_INTERNET_CPID = 0x3FDE
PR_DISPLAY_NAME = 0x3001
PR_ATTACH_DATA = 0x3701
PR_ATTACH_EXTENSION = 0x3703
PR_ATTACH_FILENAME = 0x3704
PR_ATTACH_METHOD = 0x3705
PR_ATTACH_LONG_FILENAME = 0x3707
PR_RENDERING_POSITION = 0x370B
PR_ATTACH_MIME_TAG = 0x370E
PR_ATTACH_CONTENT_ID = 0x3712
PR_CREATION_TIME = 0x3007

PS_PUBLIC_STRINGS = bytes.fromhex("2908020000000000C000000000000046")
PSETID_COMMON = bytes.fromhex("0820060000000000C000000000000046")


def u16(v):
    return struct.pack("<H", v)


def u32(v):
    return struct.pack("<I", v)


def attribute(level, attr_id, data):
    checksum = sum(data) & 0xFFFF
    return bytes([level]) + u32(attr_id) + u32(len(data)) + data + u16(checksum)


def tnef_date(y, mo, d, h, mi, s, dow):
    return b"".join(u16(v) for v in (y, mo, d, h, mi, s, dow))


def pad4(b):
    return b + b"\0" * ((4 - len(b) % 4) % 4)


def string8(s, codec="cp1252"):
    return s.encode(codec) + b"\0"


def unicode_z(s):
    return s.encode("utf-16-le") + b"\0\0"


class Prop:
    """One MAPI property: type, id, values (bytes for variable types, ints/bytes for fixed ones)."""

    def __init__(self, ptype, pid, values, multi=False, guid=None, named_id=None, name=None):
        self.ptype, self.pid, self.values, self.multi = ptype, pid, values, multi
        self.guid, self.named_id, self.name = guid, named_id, name

    def encode(self):
        out = u16(self.ptype | (MV_FLAG if self.multi else 0)) + u16(self.pid)
        if self.pid >= 0x8000:
            out += self.guid
            if self.name is None:
                out += u32(0) + u32(self.named_id)
            else:
                raw = unicode_z(self.name)
                out += u32(1) + u32(len(raw)) + pad4(raw)
        variable = self.ptype in (PT_STRING8, PT_UNICODE, PT_BINARY, PT_OBJECT)
        if self.multi or variable:
            out += u32(len(self.values))
        for v in self.values:
            if variable:
                out += u32(len(v)) + pad4(v)
            elif self.ptype in (PT_SHORT, PT_BOOLEAN):
                out += struct.pack("<h", v) + b"\0\0"
            elif self.ptype == PT_LONG:
                out += struct.pack("<i", v)
            elif self.ptype == PT_SYSTIME:
                out += struct.pack("<Q", v)
            elif self.ptype == PT_CLSID:
                out += v
            else:
                raise ValueError(self.ptype)
        return out


def prop_list(props):
    return u32(len(props)) + b"".join(p.encode() for p in props)


# ---- compressed RTF ([MS-OXRTFCP]) ----

PRELOAD = (b"{\\rtf1\\ansi\\mac\\deff0\\deftab720{\\fonttbl;}{\\f0\\fnil \\froman \\fswiss \\fmodern \\fscript "
           b"\\fdecor MS Sans SerifSymbolArialTimes New RomanCourier{\\colortbl\\red0\\green0\\blue0\r\n\\par "
           b"\\pard\\plain\\f0\\fs20\\b\\i\\u\\tab\\tx")
assert len(PRELOAD) == 207


def crc32_oxrtfcp(data):
    table = []
    for n in range(256):
        c = n
        for _ in range(8):
            c = (0xEDB88320 ^ (c >> 1)) if c & 1 else (c >> 1)
        table.append(c)
    crc = 0
    for b in data:
        crc = table[(crc ^ b) & 0xFF] ^ (crc >> 8)
    return crc


def lzfu_compress(raw):
    dictionary = bytearray(4096)
    dictionary[: len(PRELOAD)] = PRELOAD
    wp = len(PRELOAD)
    written = len(PRELOAD)
    body = bytearray()
    i = 0
    done = False
    while not done:
        control, items = 0, bytearray()
        for bit in range(8):
            if i >= len(raw):
                control |= 1 << bit
                items += bytes([(wp >> 4) & 0xFF, (wp & 0xF) << 4])
                done = True
                break
            best_len, best_off = 0, 0
            max_len = min(17, len(raw) - i)
            for age in range(1, min(4095, written) + 1):
                off = (wp - age) & 0xFFF
                if dictionary[off] != raw[i]:
                    continue
                limit = min(max_len, age)  # never read bytes this reference itself writes
                n = 1
                while n < limit and dictionary[(off + n) & 0xFFF] == raw[i + n]:
                    n += 1
                if n > best_len:
                    best_len, best_off = n, off
                    if n == max_len:
                        break
            if best_len >= 2:
                control |= 1 << bit
                items += bytes([(best_off >> 4) & 0xFF, ((best_off & 0xF) << 4) | (best_len - 2)])
                for k in range(best_len):
                    dictionary[wp] = raw[i + k]
                    wp = (wp + 1) & 0xFFF
                i += best_len
                written = min(4096, written + best_len)
            else:
                items.append(raw[i])
                dictionary[wp] = raw[i]
                wp = (wp + 1) & 0xFFF
                i += 1
                written = min(4096, written + 1)
        body.append(control)
        body += items
    header = u32(len(body) + 12) + u32(len(raw)) + b"LZFu" + u32(crc32_oxrtfcp(body))
    return header + bytes(body)


# ---- building streams ----

def message_header(subject, codepage=1252, message_class="IPM.Microsoft Mail.Note", codec="cp1252"):
    out = u32(SIGNATURE) + u16(0x1234)
    out += attribute(LVL_MESSAGE, attTnefVersion, u32(0x00010000))
    out += attribute(LVL_MESSAGE, attOemCodepage, u32(codepage) + u32(0))
    out += attribute(LVL_MESSAGE, attMessageClass, string8(message_class))
    out += attribute(LVL_MESSAGE, attSubject, string8(subject, codec))
    out += attribute(LVL_MESSAGE, attDateSent, tnef_date(2025, 11, 20, 9, 30, 0, 4))
    return out


def attachment(title, data, props, codec="cp1252"):
    rend = u16(1) + u32(0xFFFFFFFF) + u16(0) + u16(0) + u32(0)  # atyp file, position, width, height, flags
    out = attribute(LVL_ATTACHMENT, attAttachRendData, rend)
    if title is not None:
        out += attribute(LVL_ATTACHMENT, attAttachTitle, string8(title, codec))
    out += attribute(LVL_ATTACHMENT, attAttachCreateDate, tnef_date(2025, 11, 19, 17, 2, 11, 3))
    out += attribute(LVL_ATTACHMENT, attAttachModifyDate, tnef_date(2025, 11, 19, 17, 5, 40, 3))
    if data is not None:
        out += attribute(LVL_ATTACHMENT, attAttachData, data)
    if props:
        out += attribute(LVL_ATTACHMENT, attAttachment, prop_list(props))
    return out


def sha(b):
    return hashlib.sha256(b).hexdigest()


def fake_pdf(text):
    return (b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% " + text.encode() + b"\n"
            + bytes(range(256)) + b"\n%%EOF\n")


def main():
    rng = random.Random(20251120)
    expected = {}

    # 1. One attachment: 8.3 title, long file name and MIME tag in the MAPI properties.
    pdf = fake_pdf("Quarterly report")
    stream = message_header("Quarterly report")
    stream += attachment("QUARTE~1.PDF", pdf, [
        Prop(PT_LONG, PR_ATTACH_METHOD, [1]),
        Prop(PT_STRING8, PR_ATTACH_FILENAME, [string8("QUARTE~1.PDF")]),
        Prop(PT_STRING8, PR_ATTACH_LONG_FILENAME, [string8("Quarterly report 2025 Q3.pdf")]),
        Prop(PT_STRING8, PR_ATTACH_EXTENSION, [string8(".pdf")]),
        Prop(PT_STRING8, PR_ATTACH_MIME_TAG, [string8("application/pdf")]),
        Prop(PT_LONG, PR_RENDERING_POSITION, [-1]),
    ])
    write("one-attachment.dat", stream)
    expected["one-attachment.dat"] = {"attachments": [
        {"filename": "Quarterly report 2025 Q3.pdf", "content_type": "application/pdf", "sha256": sha(pdf), "size": len(pdf)}]}

    # 2. Several attachments, with named, multi-valued, boolean and time properties around them.
    text = "Line 1\r\nLine 2\r\n".encode()
    sheet = bytes(rng.getrandbits(8) for _ in range(70_000))
    png = b"\x89PNG\r\n\x1a\n" + bytes(rng.getrandbits(8) for _ in range(3_001))
    stream = message_header("Three files")
    stream += attribute(LVL_MESSAGE, attMsgProps, prop_list([
        Prop(PT_BOOLEAN, 0x0E1F, [1]),                                   # PR_RTF_IN_SYNC
        Prop(PT_SYSTIME, 0x0039, [133_500_000_000_000_000]),             # PR_CLIENT_SUBMIT_TIME
        Prop(PT_LONG, 0x8005, [42], guid=PSETID_COMMON, named_id=0x8501),
        Prop(PT_STRING8, 0x8006, [string8("Mailroom test")], guid=PS_PUBLIC_STRINGS, name="Keywords-Odd"),
        Prop(PT_LONG, 0x8007, [1, 2, 3], multi=True, guid=PS_PUBLIC_STRINGS, name="abc"),
        Prop(PT_STRING8, 0x8008, [string8("alpha"), string8("beta-gamma")], multi=True,
             guid=PS_PUBLIC_STRINGS, named_id=0x1234),
        Prop(PT_CLSID, 0x0E2D, [PSETID_COMMON]),
        Prop(PT_SHORT, 0x0026, [2]),                                     # PR_PRIORITY-ish short
    ]))
    stream += attachment("NOTES.TXT", text, [
        Prop(PT_STRING8, PR_ATTACH_LONG_FILENAME, [string8("notes.txt")]),
        Prop(PT_STRING8, PR_ATTACH_MIME_TAG, [string8("text/plain")]),
    ])
    stream += attachment("PRICEL~1.XLS", sheet, [
        Prop(PT_LONG, PR_ATTACH_METHOD, [1]),
        Prop(PT_STRING8, PR_DISPLAY_NAME, [string8("Price list")]),
        Prop(PT_STRING8, PR_ATTACH_LONG_FILENAME, [string8("Price list 2026 (draft).xlsx")]),
        Prop(PT_BINARY, 0x3702, [b"\x01\x02\x03"]),                     # PR_ATTACH_ENCODING, odd length
        Prop(PT_STRING8, PR_ATTACH_MIME_TAG,
             [string8("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]),
    ])
    stream += attachment("IMAGE001.PNG", png, [
        Prop(PT_STRING8, PR_ATTACH_LONG_FILENAME, [string8("image001.png")]),
        Prop(PT_STRING8, PR_ATTACH_MIME_TAG, [string8("image/png")]),
        Prop(PT_STRING8, PR_ATTACH_CONTENT_ID, [string8("image001.png@01DC5A2B.1C2D3E40")]),
    ])
    write("three-attachments.dat", stream)
    expected["three-attachments.dat"] = {"attachments": [
        {"filename": "notes.txt", "content_type": "text/plain", "sha256": sha(text), "size": len(text)},
        {"filename": "Price list 2026 (draft).xlsx",
         "content_type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
         "sha256": sha(sheet), "size": len(sheet)},
        {"filename": "image001.png", "content_type": "image/png", "sha256": sha(png), "size": len(png),
         "content_id": "image001.png@01DC5A2B.1C2D3E40"},
    ]}

    # 3. A Unicode long file name (PT_UNICODE) next to an 8-bit 8.3 title.
    docx = b"PK\x03\x04" + bytes(rng.getrandbits(8) for _ in range(5_000))
    long_name = "Angebot für Müller – 报价单.docx"
    stream = message_header("Angebot für Müller")
    stream += attachment("ANGEBO~1.DOC", docx, [
        Prop(PT_UNICODE, PR_ATTACH_LONG_FILENAME, [unicode_z(long_name)]),
        Prop(PT_UNICODE, PR_DISPLAY_NAME, [unicode_z(long_name)]),
        Prop(PT_STRING8, PR_ATTACH_MIME_TAG,
             [string8("application/vnd.openxmlformats-officedocument.wordprocessingml.document")]),
    ])
    write("unicode-filename.dat", stream)
    expected["unicode-filename.dat"] = {"attachments": [
        {"filename": long_name,
         "content_type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
         "sha256": sha(docx), "size": len(docx)}]}

    # 4. A body: attBody (8-bit) and PR_BODY (Unicode) plus PR_RTF_COMPRESSED, and one attachment with only a title.
    body_unicode = "Sehr geehrte Frau Müller,\r\nanbei das Angebot.\r\n报价见附件。\r\n"
    rtf = (b"{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\fswiss Arial;}}"
           b"\\pard\\f0\\fs20 Sehr geehrte Frau M\\'fcller,\\par anbei das Angebot.\\par "
           b"\\u25253?\\u20215?\\u35265?\\u38468?\\u20214?\\u12290?\\par }")
    csv = "sku;qty\r\nA-100;5\r\n".encode()
    stream = message_header("Angebot")
    stream += attribute(LVL_MESSAGE, attBody, string8("Sehr geehrte Frau M\u00fcller, (8-bit copy)\r\n"))
    stream += attribute(LVL_MESSAGE, attMsgProps, prop_list([
        Prop(PT_UNICODE, PR_SUBJECT, [unicode_z("Angebot")]),
        Prop(PT_UNICODE, PR_BODY, [unicode_z(body_unicode)]),
        Prop(PT_BINARY, PR_RTF_COMPRESSED, [lzfu_compress(rtf)]),
    ]))
    stream += attachment("ORDER.CSV", csv, [])
    write("body.dat", stream)
    expected["body.dat"] = {
        "attachments": [{"filename": "ORDER.CSV", "content_type": None, "sha256": sha(csv), "size": len(csv)}],
        "body": "Sehr geehrte Frau Müller,\nanbei das Angebot.\n报价见附件。",
        "rtf_sha256": sha(rtf)}

    # 5. Only a compressed RTF body (what Outlook usually sends), German and Chinese in it.
    rtf_only = (b"{\\rtf1\\ansi\\ansicpg1252\\deff0\\deflang1031{\\fonttbl{\\f0\\fswiss\\fcharset0 Arial;}"
                b"{\\f1\\fnil\\fcharset134 SimSun;}}{\\colortbl ;\\red0\\green0\\blue255;}"
                b"{\\*\\generator Riched20 10.0.19041}\\viewkind4\\uc1\\pard\\f0\\fs20 Guten Tag Herr J\\'e4ger,\\par\\par "
                b"bitte best\\'e4tigen Sie die Bestellung \\b 4711\\b0 .\\par "
                b"{\\f1\\'b6\\'a9\\'b5\\'a5\\'d2\\'d1\\'b7\\'a2\\'cb\\'cd}\\par "
                b"Menge:\\tab 5 St\\'fcck\\par Mit freundlichen Gr\\u252\\'fc\\'dfen\\par }")
    stream = message_header("Bestellung 4711")
    stream += attribute(LVL_MESSAGE, attMsgProps, prop_list([
        Prop(PT_BINARY, PR_RTF_COMPRESSED, [lzfu_compress(rtf_only)]),
        Prop(PT_LONG, PR_INTERNET_CPID, [1252]),
    ]))
    write("rtf-body.dat", stream)
    expected["rtf-body.dat"] = {
        "attachments": [],
        "body": "Guten Tag Herr Jäger,\n\nbitte bestätigen Sie die Bestellung 4711.\n订单已发送\n"
                "Menge:\t5 Stück\nMit freundlichen Grüßen",
        "rtf_sha256": sha(rtf_only)}

    # 6. HTML encapsulated in RTF ([MS-OXRTFEX]), as Outlook writes HTML mail into winmail.dat.
    rtf_html = (b"{\\rtf1\\ansi\\ansicpg1252\\fromhtml1 \\fbidis \\deff0{\\fonttbl{\\f0\\fswiss Arial;}}"
                b"{\\*\\htmltag19 <html>}{\\*\\htmltag34 <head>}{\\*\\htmltag41 <style>p\\{color:red\\}</style>}"
                b"{\\*\\htmltag41 </head>}{\\*\\htmltag50 <body>}\\htmlrtf {\\htmlrtf0 "
                b"{\\*\\htmltag64 <p>}\\htmlrtf {\\htmlrtf0 Hello team,\\htmlrtf\\par}\\htmlrtf0 "
                b"{\\*\\htmltag72 </p>}{\\*\\htmltag64 <p>}\\htmlrtf {\\htmlrtf0 The invoice "
                b"{\\*\\htmltag84 <a href=\"https://example.com/inv/7\">}\\htmlrtf {\\htmlrtf0 INV-7"
                b"\\htmlrtf }\\htmlrtf0 {\\*\\htmltag92 </a>} is due on 1 Dec \\'96 thanks.\\htmlrtf\\par}\\htmlrtf0 "
                b"{\\*\\htmltag72 </p>}\\htmlrtf }\\htmlrtf0 {\\*\\htmltag58 </body>}{\\*\\htmltag27 </html>}}")
    stream = message_header("Invoice reminder")
    stream += attribute(LVL_MESSAGE, attMsgProps, prop_list([
        Prop(PT_BINARY, PR_RTF_COMPRESSED, [lzfu_compress(rtf_html)]),
    ]))
    write("rtf-html-body.dat", stream)
    expected["rtf-html-body.dat"] = {
        "attachments": [],
        "body": "Hello team,\n\nThe invoice INV-7 <https://example.com/inv/7> is due on 1 Dec \u2013 thanks.",
        "rtf_sha256": sha(rtf_html)}

    # 7. Attachment bytes inside the MAPI properties instead of attAttachData: a plain PR_ATTACH_DATA_BIN, and
    #    an attached message (PR_ATTACH_METHOD 5) whose PT_OBJECT value is IID_IMessage plus a TNEF stream.
    note = "Delivery note 4711\r\n5 x A-100\r\n".encode()
    inner = open(os.path.join(HERE, "body.dat"), "rb").read()
    iid_imessage = bytes.fromhex("0703020000000000C000000000000046")
    stream = message_header("Fwd: two things")
    stream += attachment(None, None, [
        Prop(PT_LONG, PR_ATTACH_METHOD, [1]),
        Prop(PT_STRING8, PR_ATTACH_LONG_FILENAME, [string8("delivery-note.txt")]),
        Prop(PT_BINARY, PR_ATTACH_DATA, [note]),
    ])
    stream += attachment(None, None, [
        Prop(PT_LONG, PR_ATTACH_METHOD, [5]),
        Prop(PT_STRING8, PR_DISPLAY_NAME, [string8("Angebot")]),
        Prop(PT_OBJECT, PR_ATTACH_DATA, [iid_imessage + inner]),
    ])
    write("data-in-properties.dat", stream)
    expected["data-in-properties.dat"] = {"attachments": [
        {"filename": "delivery-note.txt", "content_type": None, "sha256": sha(note), "size": len(note)},
        {"filename": "Angebot", "content_type": "application/ms-tnef", "sha256": sha(inner), "size": len(inner)}]}

    # 8. Broken files: cut in the middle of the attachment data; a length field that claims 2 GB.
    whole = open(os.path.join(HERE, "one-attachment.dat"), "rb").read()
    data_at = whole.find(pdf)
    write("truncated.dat", whole[: data_at + 100])
    expected["truncated.dat"] = {"error": "truncated"}
    bad = bytearray(whole)
    # The attribute after the header's first attribute: level at 6, id at 7..10, length at 11..14.
    bad[11:15] = u32(0x7FFFFFF0)
    write("absurd-length.dat", bytes(bad))
    expected["absurd-length.dat"] = {"error": "claims"}
    flipped = bytearray(whole)
    flipped[data_at + 20] ^= 0xFF  # inside the attachment data: checksum mismatch, data otherwise readable
    write("bad-checksum.dat", bytes(flipped))
    expected["bad-checksum.dat"] = {"warning": "checksum", "attachments": [
        {"filename": "Quarterly report 2025 Q3.pdf", "content_type": "application/pdf",
         "sha256": sha(bytes(flipped[data_at:data_at + len(pdf)])), "size": len(pdf)}]}

    with open(os.path.join(HERE, "expected.json"), "w") as f:
        json.dump(expected, f, indent=2, ensure_ascii=False, sort_keys=True)
        f.write("\n")


def write(name, data):
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)


if __name__ == "__main__":
    main()
