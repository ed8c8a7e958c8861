#!/usr/bin/python3
"""Classifies identity numbers with python3-stdnum's stdnum.cn.ric, for stdnum_differential_test.cpp.

Run with Debian's /usr/bin/python3 (the one that has python3-stdnum):
    /usr/bin/python3 stdnum_classify.py NUMBERS_FILE > VERDICTS

Reads one number per line (UTF-8, '\\n' separated) and writes one line per number:
    valid<TAB>YYYY-MM-DD<TAB>province<TAB>prefecture<TAB>county
    invalid<TAB>ExceptionName
Exits 2 when stdnum cannot be imported, so that the test fails instead of skipping; any exception
other than a stdnum ValidationError escapes and fails the run too.
"""

import sys

try:
    from stdnum import numdb
    from stdnum.cn import ric
    from stdnum.exceptions import ValidationError
except ImportError as e:
    print(f"stdnum_classify: cannot import stdnum ({e}); run scripts/bootstrap", file=sys.stderr)
    sys.exit(2)


def index_locations():
    """Makes stdnum's location lookup a dict lookup, with the same answers.

    numdb scans all ~3,400 entries of cn/loc for every number (about 1 ms each), which would make
    the test take minutes. cn/loc is flat (one 6-digit code per entry, no ranges, no children),
    and for such a table numdb's info(code) is exactly [(code, merged props of entries == code)].
    That shape is checked here; if stdnum's data ever stops being flat, the slow lookup is kept.
    """
    db = numdb.get("cn/loc")
    table = {}
    for length, low, high, props, children in db.prefixes:
        if length != 6 or low != high or children:
            return
        table.setdefault(low, {}).update(props)
    slow = db.info

    def fast(code):
        if len(code) != 6:
            return slow(code)
        return [(code, dict(table.get(code, {})))]

    # Spot-check the equivalence on known and unknown codes before relying on it.
    for code in list(table)[::50] + ["000000", "511399", "810000", "999999"]:
        if fast(code) != slow(code):
            sys.exit(f"stdnum_classify: fast location lookup differs from stdnum for {code}")
    db.info = fast


def classify(number):
    try:
        n = ric.validate(number)
    except ValidationError as e:
        return f"invalid\t{type(e).__name__}"
    place = ric.get_birth_place(n)
    born = ric.get_birth_date(n).isoformat()
    return f"valid\t{born}\t{place['province']}\t{place['prefecture']}\t{place['county']}"


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: stdnum_classify.py NUMBERS_FILE")
    index_locations()
    with open(sys.argv[1], encoding="utf-8", newline="\n") as f:
        verdicts = [classify(line.rstrip("\n")) for line in f]
    sys.stdout.write("".join(v + "\n" for v in verdicts))


if __name__ == "__main__":
    main()
