"""stack_scan.py PANE_PID WORD: whether WORD is in the [stack] of the casewatch process the tmux
pane runs (prints "found" or "clean"; exit 2 when there is no such process or it cannot be
read). The lock test uses it: after L, no record text may stay in the stack's old frames."""
import os
import sys


def parent_of(pid):
    with open(f"/proc/{pid}/stat") as f:
        stat = f.read()
    return int(stat[stat.rindex(")") + 2:].split()[1])


def casewatch_under(root):
    todo = [root]
    while todo:
        pid = todo.pop()
        try:
            with open(f"/proc/{pid}/comm") as f:
                if "casewatch" in f.read():
                    return pid
        except OSError:
            continue
        for entry in os.listdir("/proc"):
            if entry.isdigit():
                try:
                    if parent_of(int(entry)) == pid:
                        todo.append(int(entry))
                except (OSError, ValueError):
                    pass
    return None


def main():
    pid = casewatch_under(int(sys.argv[1]))
    word = sys.argv[2].encode()
    if pid is None:
        print("no casewatch process")
        return 2
    try:
        with open(f"/proc/{pid}/maps") as f:
            maps = f.read().splitlines()
        with open(f"/proc/{pid}/mem", "rb", 0) as mem:
            for line in maps:
                if line.endswith("[stack]"):
                    start, end = (int(x, 16) for x in line.split()[0].split("-"))
                    mem.seek(start)
                    print("found" if word in mem.read(end - start) else "clean")
                    return 0
    except OSError as e:
        print(f"cannot read its memory: {e}")
        return 2
    print("no stack mapping")
    return 2


sys.exit(main())
