#!/usr/bin/env python3
"""Writes the seed corpus for the fuzz harnesses (tests/fuzz): real and broken inputs for
every parser. Run from anywhere; it rewrites tests/corpus/{csv,idx,event_stream,png,preset}/
seed-*.  Beside them: distilled-<sha1>, the minimal set covering what 300 s of
scripts/fuzz.sh per parser reached (libFuzzer -merge=1 of its grown corpus), and any
crash-<what> input a fuzzer found, kept forever. ctest (corpus.*) replays them all."""
import gzip
import json
import os
import shutil
import struct
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def write(folder, name, data):
    os.makedirs(os.path.join(HERE, folder), exist_ok=True)
    if isinstance(data, str):
        data = data.encode()
    with open(os.path.join(HERE, folder, "seed-" + name), "wb") as f:
        f.write(data)


def clean(folder):
    path = os.path.join(HERE, folder)
    if os.path.isdir(path):
        for name in os.listdir(path):
            if name.startswith("seed-"):
                os.remove(os.path.join(path, name))


# --- CSV: signals and spike counts ------------------------------------------------
clean("csv")
write("csv", "signal.csv", "t,x\n0,0.1\n1,0.25\n2,-0.5\n3,1e-3\n")
write("csv", "crlf.csv", "t,x,v\r\n0,1,2\r\n1,3,4\r\n")
write("csv", "blank-lines.csv", "x\n\n1\n\n2\n")
write("csv", "empty.csv", "")
write("csv", "header-only.csv", "t,x\n")
write("csv", "ragged.csv", "t,x\n0,1\n1\n")
write("csv", "nan.csv", "x\nnan\n")
write("csv", "inf.csv", "x\n1e400\n")
write("csv", "text-cell.csv", "x,y\n1,abc\n")
write("csv", "duplicate-column.csv", "x,x\n1,2\n")
write("csv", "empty-name.csv", ",x\n1,2\n")
write("csv", "binary.csv", bytes(range(256)))
write("csv", "hex-and-spaces.csv", "x\n 0x1p3 \n+5\n-.5\n")
write("csv", "long-line.csv", "x\n" + "1" * 5000 + "\n")
# Spreadsheets' CSV (issue 23): read as the plain file, or refused with a message.
write("csv", "bom-crlf.csv", b"\xef\xbb\xbfx,w\r\n1,2\r\n")
write("csv", "quoted.csv", '"x","a ""b"", c"\n"1",2\n')
write("csv", "semicolons.csv", "x;w\n1,5;-2\n0,25;3\n")
write("csv", "sep-hint.csv", "sep=;\nx;w\n1,5;2\n")
write("csv", "tabs.csv", "x\tw\n1\t2\n")
write("csv", "open-quote.csv", 'x,w\n"1,2\n')
write("csv", "utf16.csv", "x,w\n1,2\n".encode("utf-16"))

# --- IDX: plain and gzip ------------------------------------------------------------
clean("idx")
images = bytes([0, 0, 8, 3]) + struct.pack(">III", 3, 2, 2) + bytes(range(12))
labels = bytes([0, 0, 8, 1]) + struct.pack(">I", 3) + bytes([1, 0, 2])
write("idx", "images-3x2x2", images)
write("idx", "labels-3", labels)
write("idx", "images-3x2x2.gz", gzip.compress(images, mtime=0))
write("idx", "truncated", images[:-1])
write("idx", "too-long", images + b"\0")
write("idx", "bad-magic", bytes([0, 0, 9, 3]) + images[4:])
write("idx", "no-dims", bytes([0, 0, 8, 0]))
write("idx", "five-dims", bytes([0, 0, 8, 5]) + struct.pack(">IIIII", 1, 1, 1, 1, 1) + b"\0")
write("idx", "zero-dim", bytes([0, 0, 8, 2]) + struct.pack(">II", 0, 5))
write("idx", "claims-1e9-images", bytes([0, 0, 8, 3]) + struct.pack(">III", 10**9, 28, 28) + bytes(64))
write("idx", "claims-1e9.gz", gzip.compress(bytes([0, 0, 8, 3]) + struct.pack(">III", 10**9, 28, 28) + bytes(64), mtime=0))
write("idx", "gzip-truncated.gz", gzip.compress(images, mtime=0)[:-6])
write("idx", "gzip-bad-crc.gz", gzip.compress(images, mtime=0)[:-8] + b"\0\0\0\0" + gzip.compress(images, mtime=0)[-4:])
write("idx", "gzip-magic-only", b"\x1f\x8b")
labels_gz = "/usr/share/datasets/fashion-mnist/t10k-labels-idx1-ubyte.gz"
if os.path.exists(labels_gz):  # a real file, 5 KiB (dataset-fashion-mnist)
    shutil.copy(labels_gz, os.path.join(HERE, "idx", "seed-fashion-t10k-labels.gz"))

# --- Event streams: .sdev (versions 1 and 2) and CSV ---------------------------------
clean("event_stream")


def sdev(version, channels, width, height, fps, frames):
    out = b"SDEV" + struct.pack("<HHIId", version, channels, width, height, fps)
    for index, events in frames:
        out += struct.pack("<II", index, len(events))
        for pixel, value in events:
            out += struct.pack("<Ih", pixel, value)
    return out


good = sdev(2, 1, 3, 2, 30.0, [(7, [(1, 2), (5, -1)]), (8, [])])
write("event_stream", "grey.sdev", good)
write("event_stream", "rgb.sdev", sdev(2, 3, 2, 1, 25.0, [(4, [(1, 1), (5, -3)])]))
write("event_stream", "version1.sdev", sdev(1, 0, 3, 2, 30.0, [(0, [(5, -1)])]))
write("event_stream", "truncated-header.sdev", good[:10])
write("event_stream", "truncated-event.sdev", good[:40])
write("event_stream", "claims-many.sdev", sdev(2, 1, 3, 2, 30.0, []) + struct.pack("<II", 0, 0x7FFFFFFF))
write("event_stream", "pixel-outside.sdev", sdev(2, 1, 3, 2, 30.0, [(0, [(6, 1)])]))
write("event_stream", "channels-2.sdev", sdev(2, 2, 3, 2, 30.0, []))
write("event_stream", "nan-fps.sdev", sdev(2, 1, 3, 2, float("nan"), []))
write("event_stream", "huge-frame.sdev", sdev(2, 3, 65536, 65536, 30.0, [(0, [(0xFFFFFFFF, 1)])]))
write("event_stream", "grey.csv", "frame,x,y,value\n7,1,0,2\n7,2,1,-1\n")
write("event_stream", "rgb.csv", "frame,x,y,channel,value\n4,0,0,1,1\n4,1,0,2,-3\n")
write("event_stream", "header-only.csv", "frame,x,y,value\n")
write("event_stream", "backwards.csv", "frame,x,y,value\n2,0,0,1\n1,0,0,1\n")
write("event_stream", "fraction.csv", "frame,x,y,value\n1,2,3,0.5\n")
write("event_stream", "bad-channel.csv", "frame,x,y,channel,value\n0,0,0,3,1\n")
write("event_stream", "too-large.csv", "frame,x,y,value\n0,65535,65535,1\n")
write("event_stream", "missing-column.csv", "frame,x,value\n0,0,1\n")

# --- PNG: grey, grey+alpha, RGB, RGBA; broken ones -----------------------------------


def png(width, height, colour_type, rows, bit_depth=8, interlace=0, crc_ok=True):
    def chunk(kind, body):
        crc = zlib.crc32(kind + body) & 0xFFFFFFFF
        if not crc_ok and kind == b"IHDR":
            crc ^= 1
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)
    ihdr = struct.pack(">IIBBBBB", width, height, bit_depth, colour_type, 0, 0, interlace)
    raw = b"".join(bytes([filt]) + row for filt, row in rows)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


clean("png")
write("png", "grey-3x2.png", png(3, 2, 0, [(0, bytes([0, 128, 255])), (1, bytes([10, 10, 10]))]))
write("png", "grey-alpha.png", png(2, 1, 4, [(2, bytes([1, 2, 3, 4]))]))
write("png", "rgb-paeth.png", png(2, 2, 2, [(4, bytes(range(6))), (4, bytes(range(6, 12)))]))
write("png", "rgba-average.png", png(1, 2, 6, [(3, bytes([9, 8, 7, 6])), (3, bytes([1, 2, 3, 4]))]))
write("png", "bad-crc.png", png(3, 2, 0, [(0, bytes(3)), (0, bytes(3))], crc_ok=False))
write("png", "bad-filter.png", png(1, 1, 0, [(9, bytes(1))]))
write("png", "interlaced.png", png(1, 1, 0, [(0, bytes(1))], interlace=1))
write("png", "16-bit.png", png(1, 1, 0, [(0, bytes(2))], bit_depth=16))
write("png", "huge-header.png", png(1 << 20, 1 << 20, 0, [(0, bytes(1))]))
write("png", "short-idat.png", png(3, 2, 0, [(0, bytes(3))]))
write("png", "signature-only.png", b"\x89PNG\r\n\x1a\n")

# --- Presets: every built-in one, and broken ones --------------------------------------
clean("preset")
presets = os.path.join(ROOT, "resources", "presets")
for lab in sorted(os.listdir(presets)):
    for name in sorted(os.listdir(os.path.join(presets, lab))):
        with open(os.path.join(presets, lab, name), "rb") as f:
            write("preset", lab + "-" + name, f.read())


def preset(**fields):
    base = {"format": "sdlab-preset", "version": 1, "lab": "signal", "name": "n",
            "description": "d", "parameters": {"kp": 0.5, "steps": 3, "signal": "steps", "file": ""}}
    base.update(fields)
    return json.dumps(base)


write("preset", "fuzz-labs-valid.json", preset())
write("preset", "out-of-range.json", preset(parameters={"kp": 11}))
write("preset", "wrong-type.json", preset(parameters={"steps": "three"}))
write("preset", "fraction-for-integer.json", preset(parameters={"steps": 2.5}))
write("preset", "unknown-parameter.json", preset(parameters={"gain": 1}))
write("preset", "unknown-choice.json", preset(parameters={"signal": "square"}))
write("preset", "other-lab.json", preset(lab="kernels"))
write("preset", "version-2.json", preset(version=2))
write("preset", "not-a-preset.json", json.dumps({"format": "other"}))
write("preset", "array.json", "[1, 2, 3]")
write("preset", "truncated.json", preset()[:40])
write("preset", "empty.json", "")
write("preset", "nan.json", preset().replace("0.5", "NaN"))
write("preset", "huge-number.json", preset().replace("0.5", "1e999"))
write("preset", "deep.json", "[" * 5000 + "]" * 5000)
