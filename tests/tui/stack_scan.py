"""stack_scan.py PANE_PID WORD [--all]: whether WORD is in the [stack] of the casewatch process the
tmux pane runs, or with --all anywhere in its writable memory that no file backs (heap, stack,
anonymous maps: where a freed record, a typed name or curses' buffers would be); prints "found"
or "clean", exit 2 when there is no such process or it cannot be read. The lock test uses it:
after L, no record text may stay in the stack's old frames, nor anywhere in the process."""
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
    everywhere = len(sys.argv) > 3 and sys.argv[3] == "--all"
    read = 0
    try:
        with open(f"/proc/{pid}/maps") as f:
            maps = f.read().splitlines()
        with open(f"/proc/{pid}/mem", "rb", 0) as mem:
            for line in maps:
                fields = line.split()
                name = fields[5] if len(fields) > 5 else ""
                if everywhere:
                    if "w" not in fields[1] or (name and not name.startswith("[")):
                        continue
                    if name in ("[vvar]", "[vsyscall]"):
                        continue
                elif name != "[stack]":
                    continue
                start, end = (int(x, 16) for x in fields[0].split("-"))
                mem.seek(start)
                try:
                    data = mem.read(end - start)
                except OSError:
                    continue  # a guard page
                read += 1
                if word in data:
                    print("found")
                    return 0
    except OSError as e:
        print(f"cannot read its memory: {e}")
        return 2
    if not read:
        print("no mapping read")
        return 2
    print("clean")
    return 0


sys.exit(main())
