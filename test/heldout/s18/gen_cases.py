#!/usr/bin/env python3
"""Held-out console cases for issues 13, 14 and 15 (written from README, SPEC and issue texts only).
python3 gen_cases.py  -> cases.jsonl
Default clock (runner): PEERBOT_NOW=2026-03-17T10:00:00 (a Tuesday), PEERBOT_TZ=America/Chicago."""
import json
import re

ENV = {"PEERBOT_ADMINS": "admin"}
ALICE = '/admin enroll @alice name:"Alice Moore" supervisor:@sue hired:2026-01-05 internship-start:2026-01-12'
BOB = '/admin enroll @bob name:"Bob Lee" supervisor:@sue hired:2026-01-05 internship-start:2026-01-12'
CARL_NOSUP = '/admin enroll @carl name:"Carl Diaz" hired:2026-01-05 internship-start:2026-01-12'
DAN_OTHER = '/admin enroll @dan name:"Dan Cho" supervisor:@sam hired:2026-01-05 internship-start:2026-01-12'
ROLES = ["/admin role @sue supervisor", "/admin role @fran facilitator"]
CRASH = "something went wrong|TypeError|RangeError|\\n\\s+at \\S+ \\("
DEC_HOURS = "\\b\\d+\\.\\d+\\s*(hours?|hrs?|h)\\b"
LC = '/meet schedule "Learning Collaborative" meeting every 2nd tuesday 10:00 90m https://zoom.us/j/123'
PMC = '/meet schedule "Peer Mentor Call" teleconference every 1st thursday 2pm 1h'
NOT_QUESTION = "I'm not sure|saved your question|pass it to a facilitator|/ask pass"


def msg(user):
    """one nudge line (or block) for user in npm run nudge output, up to the next '-> ' line"""
    return f"-> {user}:(?:(?!\\n-> |\\n(Dry run|\\d+ nudges))[\\s\\S])*"


def admin(*extra, people=(ALICE,)):
    return {"as": "admin", "lines": [*people, *ROLES, *extra]}


def con(who, *lines, env=None):
    s = {"as": who, "lines": list(lines)}
    if env:
        s["env"] = env
    return s


def nudge(now, dry=True):
    s = {"script": "nudge", "timeoutMs": 40000, "env": {"PEERBOT_NOW": now}}
    if dry:
        s["args"] = ["--dry-run"]
    return s


def m(step, rx, flags=None):
    e = {"step": step, "match": rx}
    if flags is not None:
        e["flags"] = flags
    return e


def nm(step, rx, flags=None):
    e = {"step": step, "notMatch": rx}
    if flags is not None:
        e["flags"] = flags
    return e


cases = []


def case(id, issue, steps, expect, why, env=None):
    e = dict(ENV)
    e.update(env or {})
    # no crash anywhere
    expect = list(expect) + [nm(i, CRASH) for i, s in enumerate(steps) if "sh" not in s]
    cases.append({"id": id, "issue": issue, "env": e, "steps": steps, "expect": expect, "why": why})


# ---------------------------------------------------------------- issue 15
# messy input without a command: offered as hours, never saved as a question
free = [
    ("i15-free-2hrs-shadowing-yesterday", "i did 2 hrs shadowing yesterday", "(2 hours|2 hrs|2h)", "shadowing", "yesterday|March 16|Mar 16"),
    ("i15-free-log-1h-1on1", "log 1h 1on1", "(1 hour|1h|1 hr)", "(one-on-one|one on one|1on1)", None),
    ("i15-free-90min-1on1-today", "I did 90 min of 1on1 mentoring today", "(1 hour 30 minutes|1 hour and 30 minutes|90 min|1\\.5 ?h)", "(one-on-one|one on one|1on1)", "today|March 17|Mar 17"),
    ("i15-free-group-monday", "did 3 hours group mentoring on monday", "(3 hours|3h|3 hrs)", "group", "monday|March 16|Mar 16"),
    ("i15-free-typo-shadowng", "Log 45 min shadowng", "(45 minutes|45 min)", "shadowing", None),
]
for cid, line, dur, cat, date in free:
    ex = [
        m(1, f"{dur}[^\\n]*{cat}|{cat}[^\\n]*{dur}"),
        m(1, "\\?|/hours log"),
        nm(1, NOT_QUESTION),
        nm(2, re.escape(line)),
    ]
    if date:
        ex.append(m(1, date))
    case(cid, 15, [admin(), con("alice", line), con("fran", "/ask unanswered")], ex,
         f"'{line}' typed without a command is offered as an hours entry (question or command to type), never saved as a question")

case("i15-free-real-question-still-answered", 15,
     [admin(), con("alice", "how many internship hours do i need")],
     [m(1, "\\b90\\b"), nm(1, "Log [^\\n]*\\?"), nm(1, "Saved:")],
     "a plain question without hours in it is still answered, not offered as an hours entry (control for the free-text reader)")

# near-miss command names run with a one-line note
case("i15-nearmiss-hour-log", 15,
     [admin(), con("alice", "/hour log 1h shadowing"), con("alice", "/hours list")],
     [m(1, "Saved"), m(1, "1 hour"), nm(1, "I don't know the command"), m(1, "/hours"), m(2, "#1\\b")],
     "/hour log 1h shadowing runs as /hours log (with a one-line note) and the entry is stored")
case("i15-nearmiss-hrs", 15,
     [admin(), con("alice", "/hrs")],
     [m(1, "Your hours|Internship hours"), nm(1, "I don't know the command")],
     "/hrs runs /hours")
case("i15-nearmiss-hrs-log", 15,
     [admin(), con("alice", "/hrs log 2h 1on1 yesterday"), con("alice", "/hours list")],
     [m(1, "Saved"), m(1, "2 hours"), nm(1, "I don't know the command"), m(2, "#1\\b[^\\n]*Mar 16")],
     "/hrs log 2h 1on1 yesterday logs the hours")
case("i15-nearmiss-deadline-singular", 15,
     [admin(), con("alice", "/deadline")],
     [nm(1, "I don't know the command"), m(1, "due|late|deadline")],
     "/deadline (singular) runs /deadlines: a near miss that is unambiguous")

# key:value options
case("i15-kv-edit-date", 15,
     [admin(), con("alice", "/hours log 2h shadowing 3/10"), con("alice", "/hours edit 1 date:3/9"), con("alice", "/hours list")],
     [nm(2, "I don't know the category"), m(2, "March 9|Mar 9"), m(3, "#1[^\\n]*Mar 9")],
     "/hours edit 1 date:3/9 changes the date (key:value accepted where a plain word is)")
case("i15-kv-edit-category", 15,
     [admin(), con("alice", "/hours log 2h shadowing 3/10"), con("alice", "/hours edit 1 category:1on1"), con("alice", "/hours list")],
     [nm(2, "I don't know the category"), m(2, "one-on-one|one on one"), m(3, "#1[^\\n]*(one-on-one|one on one)")],
     "/hours edit 1 category:1on1 changes the category")
case("i15-kv-log-all-keys", 15,
     [admin(), con("alice", "/hours log duration:2h category:shadowing date:yesterday"), con("alice", "/hours list")],
     [m(1, "Saved"), m(1, "2 hours"), m(1, "March 16"), nm(1, "Note:[^\\n]*(duration|category|date):"), m(2, "#1[^\\n]*Mar 16[^\\n]*2 hours")],
     "/hours log with duration:, category: and date: options logs the entry, with no option left in the note")
case("i15-program-alias-nc", 15,
     [admin("/admin enroll @nina program:nc supervisor:@sue hired:2026-03-01"), con("nina", "/cert")],
     [m(0, "North Carolina"), nm(0, 'There is no program "nc"'), m(1, "North Carolina")],
     "program:nc is read as nc-peer-support")
case("i15-program-alias-ma", 15,
     [admin("/admin enroll @max program:MA supervisor:@sue hired:2026-03-01"), con("max", "/cert")],
     [m(0, "Massachusetts"), nm(0, "There is no program"), m(1, "Massachusetts")],
     "program:MA (state letters, capitals) is read as ma-cps (a variant of the nc alias)")

# recurrence without "every"
rec = [
    ("i15-recur-3rd-wed-issue-example", "/meet schedule monthly call 3rd wed at 1pm", "Wednesday, March 18", "1:00 PM|1 PM|1pm"),
    ("i15-recur-1st-thursday-no-every", '/meet schedule "Peer Call" teleconference 1st thursday 2pm', "Thursday, April 2", "2:00 PM|2 PM"),
    ("i15-recur-last-friday-no-every", '/meet schedule "Wrap Up" meeting last friday 10am', "Friday, March 27", "10:00 AM|10 AM"),
    ("i15-recur-2nd-tues-abbrev", '/meet schedule "Check In" meeting 2nd tues 10am', "Tuesday, April 14", "10:00 AM|10 AM"),
]
for cid, line, first, time in rec:
    case(cid, 15, [admin(), con("fran", line, "/meet list")],
         [m(1, "Scheduled"), m(1, first), m(1, time), nm(1, "could not tell when it repeats")],
         f"'{line}' is read without the word 'every'")

# RSVP by title
case("i15-rsvp-by-title-issue-example", 15,
     [admin(), con("fran", PMC), con("alice", "/meet rsvp peer mentor call yes")],
     [nm(2, "Please answer yes or no"), m(2, "(will come|coming|you said yes)[^\\n]*|Peer Mentor Call"), m(2, "\\b1 person")],
     "/meet rsvp peer mentor call yes works by the series title")
case("i15-rsvp-by-title-no", 15,
     [admin(), con("fran", LC, PMC), con("alice", "/meet rsvp Learning Collaborative no")],
     [nm(2, "Please answer yes or no"), m(2, "miss[^\\n]*Learning Collaborative|Learning Collaborative[^\\n]*(no|not)")],
     "/meet rsvp Learning Collaborative no (title with capitals, another series exists)")
case("i15-rsvp-title-word-order", 15,
     [admin(), con("fran", PMC), con("alice", "/meet rsvp yes peer mentor call")],
     [nm(2, "Please answer yes or no"), m(2, "\\b1 person|will come")],
     "/meet rsvp yes peer mentor call: answer before the title (word order is forgiving)")

# numbers without decimals or percentages
case("i15-numbers-no-decimals", 15,
     [admin(), con("alice", "/hours log 2 hours 48 minutes 1on1 3/12", "/hours log 45 min shadowing 3/13", "/hours", "/cert"),
      con("sue", "/hours approve", "/team", "/cert @alice"), nudge("2026-07-01T10:00:00")],
     [m(1, "2 hours 48 minutes"), nm(1, DEC_HOURS), nm(2, DEC_HOURS), nm(3, DEC_HOURS), nm(1, "\\+\\s*\\d+\\.\\d")],
     "2 hours 48 minutes is shown as hours and minutes in /hours, /cert, /team, the approve list and nudges, never as 2.8 hours")
case("i15-numbers-decimal-input-shown-as-minutes", 15,
     [admin(), con("alice", "/hours log 1.5 hours shadowing 3/12", "/hours list", "/hours")],
     [m(1, "1 hour 30 minutes"), nm(1, DEC_HOURS)],
     "1.5 hours typed is shown back as 1 hour 30 minutes")
case("i15-numbers-no-percent-mentor", 15,
     [admin(), con("alice", "/hours log 3h 1on1 3/12"), con("sue", "/hours approve @alice all"), con("alice", "/hours", "/cert")],
     [nm(1, "\\d\\s*%"), nm(3, "\\d\\s*%"), m(3, "\\b3 hours\\b[^\\n]*\\b45\\b|\\b45\\b[^\\n]*\\b3 hours\\b|3 of 45")],
     "face-to-face progress is 'you have 3 hours ... you need 45', with no percentage to work out")

# codes instead of words
case("i15-codes-mentoring-choice", 15,
     [admin(), con("alice", "/hours log 1h mentoring")],
     [m(1, "one-on-one|one on one"), m(1, "group"),
      nm(1, "^(?![^\\n]*(one[- ]on[- ]one|/hours))[^\\n]*\\bmentoring-1on1\\b", "im")],
     "plain 'mentoring' asks one-on-one or group in words, not 'mentoring-1on1 or mentoring-group'")
case("i15-codes-unknown-category-words", 15,
     [admin(), con("alice", "/hours log 1h bowling")],
     [m(1, "bowling"), m(1, "[Ss]hadowing"),
      nm(1, "\\b(shadowing|ltc-system|agency-training|staff-meetings|peer-training|mentoring-1on1|mentoring-group|co-facilitating), (ltc-system|agency-training|staff-meetings|peer-training|teleconference|peer-conference|mentoring-1on1|mentoring-group)\\b"),
      nm(1, "\\bltc\\b(?!-)")],
     "an unknown category lists the choices as everyday words, not a row of codes; no 'ltc' jargon")
case("i15-codes-nc-labels", 15,
     [admin("/admin enroll @nina program:nc-peer-support supervisor:@sue hired:2026-03-01"), con("nina", "/hours log 1h bowling", "/cert")],
     [nm(1, "pss-policy, crisis-plan|crisis-plan, pcp-elements"),
      nm(1, "comprehensive prevention and intervention crisis plan training")],
     "NC categories and requirements use short everyday labels, not codes or the long seed phrase")

# answer first
case("i15-answer-first-private", 15,
     [admin(), con("alice", "/ask do i need to keep things private")],
     [m(1, "^\\s*(In [A-Z][a-z]+( [A-Z][a-z]+)?: )?(yes|you (must|need|have to|should)|[^\\n•]*(confidential|private))"),
      nm(1, "^\\s*•")],
     "'do i need to keep things private': the first line answers (keep it private/confidential), not a list with the answer in bullet 8")
case("i15-answer-first-face-to-face", 15,
     [admin(), con("alice", "/ask how many hours of face to face mentoring do i need")],
     [m(1, "^\\s*[^\\n]*(\\b45\\b|half|50)"), m(1, "Source:")],
     "face-to-face question: the first line has the fact (45 hours, half)")

# wrong tone / contradictions
case("i15-not-sure-no-contradiction", 15,
     [admin(), con("alice", "/ask can i bring my dog to the bowling alley")],
     [m(1, "not sure|don't know|do not know|could not find"),
      nm(1, "saved your question[\\s\\S]*pass it to a facilitator|pass it to a facilitator[\\s\\S]*saved your question")],
     "an unanswered question does not say both 'I saved your question' and 'Pass it to a facilitator'")
case("i15-approve-them-one-entry", 15,
     [admin(), con("alice", "/hours log 1h 1on1 3/12", "/cert", "/hours"), con("sue", "/hours approve", "/team", "/cert @alice")],
     [nm(1, "approve them"), nm(2, "approve them")],
     "with one entry waiting, no message says 'approve them' (mentor /cert and /hours, supervisor views)")
case("i15-approve-them-call-logged", 15,
     [admin(), con("fran", PMC), con("alice", "/meet rsvp pmc yes"), con("alice", "/meet attended pmc", env={"PEERBOT_NOW": "2026-04-02T16:00:00"})],
     [m(3, "hour"), nm(3, "approve them")],
     "a teleconference logged as one entry does not say 'approve them'")

# role-aware help
case("i15-help-hours-mentor", 15, [admin(), con("alice", "/help hours")],
     [m(1, "/hours log"), nm(1, "/hours (approve|reject)")], "a mentor's /help hours has no /hours approve or reject")
case("i15-help-ask-mentor", 15, [admin(), con("alice", "/help ask")],
     [m(1, "/ask "), nm(1, "/ask (reload|answer|unanswered)")], "a mentor's /help ask has no /ask reload (or other facilitator commands)")
case("i15-help-hours-supervisor", 15, [admin(), con("sue", "/help hours")],
     [m(1, "/hours approve")], "a supervisor's /help hours still shows /hours approve (role-aware, not removed)")
case("i15-help-ask-facilitator", 15, [admin(), con("fran", "/help ask")],
     [m(1, "/ask (answer|unanswered|reload)")], "a facilitator's /help ask shows how to answer saved questions")
case("i15-help-meet-mentor", 15, [admin(), con("alice", "/help meet")],
     [m(1, "/meet rsvp"), nm(1, "/meet (schedule|skip|cancel|move|who)\\b")],
     "a mentor's /help meet shows RSVP, not the facilitator's schedule/skip/cancel/move/who")

# reminders: right person, no mute invitation, one message
case("i15-agency-steps-not-to-mentor", 15,
     [admin(), nudge("2026-07-01T10:00:00")],
     [m(1, "-> alice:"), nm(1, msg("alice") + "Evaluation by (your|the) agency"),
      m(1, "-> sue:"), m(1, msg("sue") + "agency"), nm(1, msg("sue") + "by your agency")],
     "a reminder for the agency's evaluation goes to the supervisor, not the mentor; the supervisor's text does not say 'your agency'")
case("i15-supervisor-view-not-your-agency", 15,
     [admin(), con("sue", "/team", "/cert @alice", "/deadlines")],
     [nm(1, "by your agency")],
     "a supervisor's /team, /cert @alice and /deadlines do not call it 'Evaluation by your agency'")
case("i15-no-mute-invitation", 15,
     [admin(), nudge("2026-07-01T10:00:00", dry=False), con("alice", "/hours"), con("sue", "/hours")],
     [m(1, "-> alice:"), nm(1, "/deadlines mute"), nm(2, "/deadlines mute|stop these reminders"), nm(3, "/deadlines mute|stop these reminders"),
      m(2, "Internship hours"), m(2, "Exit certification interview")],
     "reminders for required deadlines do not invite people to type /deadlines mute (mentor and supervisor)")
case("i15-waiting-reminders-one-message", 15,
     [admin(), nudge("2026-07-01T10:00:00", dry=False), con("alice", "/hours")],
     [m(2, "Exit certification interview"), nm(2, "(^Reminder\\b[\\s\\S]*){2}", "im")],
     "reminders waiting in the console inbox come as one message, not one 'Reminder:' per item")

# ---------------------------------------------------------------- issue 14
HIST = ["/hours history 1", "/hours history @alice 1"]
case("i14-history-full-lifecycle", 14,
     [admin(), con("alice", "/hours log 2h shadowing 3/10", "/hours edit 1 90 min"),
      con("sue", "/hours reject @alice 1 wrong date, it was the 9th"),
      con("alice", "/hours edit 1 3/9"), con("sue", "/hours approve @alice 1"),
      con("alice", "/hours history 1")],
     [m(5, "logged|added|created"), m(5, "edited|changed"), m(5, "rejected|not approved"), m(5, "\\bapproved"),
      m(5, "\\bsue\\b"), m(5, "alice|Alice Moore|\\byou\\b"), m(5, "Mar(ch)? 17"), nm(5, "don't know the category|no entry")],
     "/hours history 1 shows logged, edited, rejected, approved, with who and when")
case("i14-history-edit-what-changed", 14,
     [admin(), con("alice", "/hours log 2h shadowing 3/10", "/hours edit 1 90 min"), con("alice", "/hours history 1")],
     [m(2, "2 hours[\\s\\S]*1 hour 30 minutes"), m(2, "edited|changed")],
     "the history says what changed (2 hours to 1 hour 30 minutes)")
case("i14-history-deleted-entry", 14,
     [admin(), con("alice", "/hours log 2h shadowing 3/10", "/hours log 1h 1on1 3/11", "/hours delete 1"), con("alice", "/hours history 1")],
     [m(2, "deleted|removed"), m(2, "logged|added|created"), nm(2, "no entry|don't know the category")],
     "a deleted entry is still in its history")
case("i14-history-supervisor-view", 14,
     [admin(), con("alice", "/hours log 2h shadowing 3/10"), con("sue", "/hours approve @alice 1"), con("sue", *HIST)],
     [m(3, "\\bapproved[\\s\\S]*\\bsue\\b|\\bsue\\b[\\s\\S]*\\bapproved"), m(3, "logged|added|created"), nm(3, "don't know the category")],
     "a supervisor sees the history of a mentor's entry (SPEC form, or with the mentor named)")
case("i14-history-privacy", 14,
     [admin(BOB), con("alice", "/hours log 2h shadowing 3/10 met Sam"), con("bob", "/hours history 1", "/hours history @alice 1")],
     [nm(2, "met Sam|Alice Moore[^\\n]*(logged|shadowing)")],
     "another mentor cannot read Alice's entry history")
case("i14-cert-unmark-history", 14,
     [admin(), con("sue", "/cert mark @alice peer-mentor-101 3/4", "/cert unmark @alice peer-mentor-101", "/cert history @alice", "/cert @alice")],
     [m(1, "taken back|unmarked|not done any more|removed"), m(1, "Peer Mentor 101[^\\n]*(marked|done)[^\\n]*sue[\\s\\S]*Peer Mentor 101[^\\n]*(taken back|unmarked|removed)"),
      m(1, "Peer Mentor 101 training: not done")],
     "/cert unmark takes a milestone back, and /cert history keeps both the mark and the take-back, with who")
case("i14-reject-reason-reaches-mentor-once", 14,
     [admin(), con("alice", "/hours log 2h shadowing 3/10"), con("sue", "/hours reject @alice 1 wrong date, it was the 9th"),
      con("alice", "/cert"), con("alice", "/cert")],
     [m(2, "reason|told"), m(3, "wrong date, it was the 9th"), m(3, "/hours edit 1"), nm(4, "wrong date, it was the 9th")],
     "a rejected entry's mentor sees the reason and the fix at their next console reply, once")
case("i14-reject-fix-resubmit", 14,
     [admin(), con("alice", "/hours log 2h shadowing 3/10"), con("sue", "/hours reject @alice 1 wrong date"),
      con("alice", "/hours edit 1 3/9", "/hours list"), con("sue", "/hours approve")],
     [m(3, "#1[^\\n]*Mar 9[^\\n]*waiting"), m(4, "#1[^\\n]*Mar 9")],
     "the mentor fixes a rejected entry with /hours edit and it goes back to the supervisor's queue")
case("i14-approve-all-says-what", 14,
     [admin(), con("alice", "/hours log 2h shadowing 3/10", "/hours log 1h 1on1 3/11"), con("sue", "/hours approve @alice all"), con("alice", "/hours list")],
     [m(2, "approved"), m(2, "\\b2\\b[^\\n]*(entr|hours)|3 hours"), m(3, "#1[^\\n]*approved"), m(3, "#2[^\\n]*approved")],
     "/hours approve @alice all approves both and says how many")
case("i14-approve-all-no-name", 14,
     [admin(BOB), con("alice", "/hours log 2h shadowing 3/10"), con("bob", "/hours log 1h 1on1 3/11"), con("sue", "/hours approve all")],
     [m(3, "approved|nothing (is|was) approved|not approved yet|none (is|was) approved")],
     "/hours approve all with no name says what it did (approved, or that nothing was)")
case("i14-csv-columns-and-reviewer", 14,
     [admin(), con("alice", "/hours log 2h shadowing 3/10", "/hours log 1h 1on1 3/11"), con("sue", "/hours approve @alice 1"), con("sue", "/hours export @alice")],
     [m(3, "^date,category,minutes,face_to_face,status,note,id,person,reviewed_by,reviewed_at\\r?$", "m"),
      m(3, "^2026-03-10,shadowing,120,false,approved,[^\\n]*,1,[^\\n]*(alice|Alice Moore)[^\\n]*,\"?sue\"?,\"?2026-03-17", "m"),
      m(3, "^2026-03-11,mentoring-1on1,60,true,pending,", "m")],
     "CSV has the six SPEC columns then id, person, reviewed_by, reviewed_at, filled for a reviewed entry")
case("i14-export-team-supervisor", 14,
     [admin(BOB, DAN_OTHER, "/admin role @sam supervisor"), con("alice", "/hours log 2h shadowing 3/10"), con("bob", "/hours log 1h 1on1 3/11"),
      con("dan", "/hours log 3h 1on1 3/11"), con("sue", "/hours export team")],
     [m(4, "^date,category,minutes,face_to_face,status,note", "m"), m(4, "Alice Moore|\\balice\\b"), m(4, "Bob Lee|\\bbob\\b"), nm(4, "Dan Cho|\\bdan\\b")],
     "/hours export team gives the supervisor's whole team in one CSV, and only their team")
case("i14-export-team-facilitator", 14,
     [admin(BOB, DAN_OTHER, "/admin role @sam supervisor"), con("alice", "/hours log 2h shadowing 3/10"), con("dan", "/hours log 3h 1on1 3/11"),
      con("fran", "/hours export team")],
     [m(3, "^date,category,minutes,face_to_face,status,note", "m"), m(3, "Alice Moore|\\balice\\b"), m(3, "Dan Cho|\\bdan\\b")],
     "a facilitator's /hours export team covers everyone in the cohort")
PDF_SH = ("cd $REPO && out=$(printf '%s\\n' | node dist/src/main.js --console --as %s) ; echo \"$out\"; "
          "f=$(echo \"$out\" | grep -o '/[^ ]*\\.pdf' | head -1); echo \"FILE=$f\"; "
          "[ -n \"$f\" ] && [ -s \"$f\" ] && head -c 5 \"$f\" && echo && echo PDF-OK")
case("i14-pdf-report-supervisor", 14,
     [admin(), con("alice", "/hours log 2h shadowing 3/10"), con("sue", "/hours approve @alice 1"),
      {"sh": PDF_SH % ("/hours report @alice", "sue")}],
     [m(3, "\\.pdf"), m(3, "%PDF"), m(3, "PDF-OK")],
     "/hours report @alice: the console gives the path of a real PDF file")
case("i14-pdf-report-mentor-own", 14,
     [admin(), con("alice", "/hours log 2h shadowing 3/10"), {"sh": PDF_SH % ("/hours report", "alice")}],
     [m(2, "%PDF"), m(2, "PDF-OK")],
     "a mentor can make their own PDF report")
case("i14-pdf-report-privacy", 14,
     [admin(BOB), con("alice", "/hours log 2h shadowing 3/10"), con("bob", "/hours report @alice")],
     [nm(2, "\\.pdf"), nm(2, "Alice Moore")],
     "another mentor cannot get Alice's PDF report")
case("i14-meet-who-rsvps", 14,
     [admin(BOB), con("fran", LC), con("alice", "/meet rsvp lc yes"), con("bob", "/meet rsvp lc no"), con("fran", "/meet who lc")],
     [m(4, "yes[^\\n]*\\n?[^\\n]*Alice Moore"), m(4, "\\bno\\b[^\\n]*\\n?[^\\n]*Bob Lee"), m(4, "April 14|Apr 14")],
     "/meet who lc lists who said yes and who said no for the next date")
case("i14-meet-who-attendance", 14,
     [admin(BOB), con("fran", LC), con("alice", "/meet rsvp lc yes"), con("bob", "/meet rsvp lc yes"),
      con("alice", "/meet attended lc", env={"PEERBOT_NOW": "2026-04-14T12:00:00"}),
      con("fran", "/meet who lc 4/14", env={"PEERBOT_NOW": "2026-04-15T10:00:00"})],
     [m(5, "(came|attended|were there)[^\\n]*\\n?[^\\n]*Alice Moore"),
      m(5, "(did not come|didn't come|missed|not come|absent)[^\\n]*\\n?[^\\n]*Bob Lee|Bob Lee[^\\n]*(did not come|missed|absent)")],
     "/meet who lc 4/14 shows who came and who said yes but missed it")
case("i14-meet-move-notifies", 14,
     [admin(), con("fran", LC), con("alice", "/meet rsvp lc yes"), con("fran", "/meet move lc 4/14 4/16", "/meet list"), con("alice", "/hours")],
     [m(3, "April 16|Apr 16"), m(3, "Next dates:[\\s\\S]*Thursday, April 16"), m(4, "moved[\\s\\S]*April 14[\\s\\S]*April 16|April 16[\\s\\S]*moved")],
     "/meet move lc 4/14 4/16 moves one date, /meet list shows it, and the person who said yes is told")
case("i14-meet-move-with-time", 14,
     [admin(), con("fran", LC, "/meet move lc 4/14 4/16 2pm", "/meet list")],
     [m(1, "April 16 at 2:00 PM"), m(1, "May 12 at 10:00 AM")],
     "moving one date with a new time changes that date only")
case("i14-meet-list-three-dates-skipped", 14,
     [admin(), con("fran", LC, PMC, "/meet skip lc 5/12"), con("alice", "/meet list")],
     [m(2, "April 14[\\s\\S]*May 12[^\\n]*(skip|cancel|no meeting)[\\s\\S]*June 9"),
      m(2, "April 2[\\s\\S]*May 7[\\s\\S]*June 4")],
     "/meet list shows the next three dates of each series, a skipped one marked")
case("i14-meet-skip-notifies-yes", 14,
     [admin(BOB), con("fran", LC), con("alice", "/meet rsvp lc yes"), con("bob", "/meet rsvp lc no"), con("fran", "/meet skip lc 4/14"),
      con("alice", "/hours"), con("bob", "/hours")],
     [m(5, "(no|not|skipped|cancel)[^\\n]*Learning Collaborative[^\\n]*|Learning Collaborative[^\\n]*(skipped|cancel|not happen|no meeting)"),
      m(5, "April 14"), nm(6, "skipped|cancelled|is not happening|There is no Learning")],
     "skipping a date tells the people who said yes (and not the ones who said no)")
case("i14-meet-cancel-notifies-yes", 14,
     [admin(), con("fran", LC), con("alice", "/meet rsvp lc yes"), con("fran", "/meet cancel lc"), con("alice", "/hours")],
     [m(4, "Learning Collaborative[\\s\\S]{0,200}(cancel|ended|stopped|no more)|(cancel|ended|stopped|no more)[\\s\\S]{0,200}Learning Collaborative")],
     "cancelling a series tells the people who said yes")
case("i14-meet-attended-meeting-says-hours", 14,
     [admin(), con("fran", LC), con("alice", "/meet attended lc", env={"PEERBOT_NOW": "2026-04-14T12:00:00"})],
     [m(2, "hours?")],
     "marking the learning-collaborative meeting attended says whether hours were logged")
case("i14-cert-attendance-history", 14,
     [admin(), con("fran", LC, PMC), con("alice", "/meet attended pmc", env={"PEERBOT_NOW": "2026-04-02T16:00:00"}),
      con("alice", "/meet attended lc", env={"PEERBOT_NOW": "2026-04-14T12:00:00"}),
      con("alice", "/cert", env={"PEERBOT_NOW": "2026-04-15T10:00:00"})],
     [m(4, "(attended|came to|meetings?|calls?)[^\\n]*(Learning Collaborative|Peer Mentor Call|Apr(il)? (2|14)|\\b[12]\\b)")],
     "attendance history per person is in /cert (meetings and calls attended)")
case("i14-admin-people-filter-precise", 14,
     [admin(BOB, CARL_NOSUP, "/admin enroll @nina program:nc-peer-support supervisor:@sue hired:2026-03-01"),
      con("admin", "/admin people no-supervisor"), con("admin", "/admin people supervisor"), con("admin", "/admin people nc-peer-support")],
     [m(1, "Carl Diaz"), nm(1, "Alice Moore|Bob Lee"), m(2, "\\bsue\\b"), nm(2, "Alice Moore|Carl Diaz"), m(3, "\\bnina\\b"), nm(3, "Alice Moore")],
     "/admin people no-supervisor, supervisor and a program each list only the matching people")
case("i14-admin-deactivate", 14,
     [admin(BOB), con("bob", "/hours log 2h 1on1 3/10"), con("admin", "/admin deactivate @bob"),
      con("sue", "/team"), nudge("2026-07-01T10:00:00"), con("sue", "/hours list @bob", "/hours export @bob")],
     [m(2, "Bob Lee|bob"), m(3, "Alice Moore"), nm(3, "Bob Lee"), nm(4, "-> bob:"), nm(4, msg("sue") + "Bob Lee"),
      m(5, "2 hours|,120,")],
     "/admin deactivate @bob hides him from /team and stops his nudges, keeping his hours")
case("i14-no-supervisor-facilitator-team", 14,
     [admin(CARL_NOSUP), con("fran", "/team")],
     [m(1, "Carl Diaz[^\\n]*(no supervisor|without a supervisor|needs a supervisor)|(no supervisor|without a supervisor)[^\\n]*\\n?[^\\n]*Carl Diaz")],
     "a mentor with no supervisor is pointed out in the facilitator's /team")
case("i14-no-supervisor-admin-weekly", 14,
     [admin(CARL_NOSUP), nudge("2026-03-23T09:00:00")],
     [m(1, msg("admin") + "(no supervisor|without a supervisor)"), m(1, msg("admin") + "Carl Diaz")],
     "the admin's weekly summary names the mentor with no supervisor")
case("i14-queue-count-weekly-summary", 14,
     [admin(BOB), con("alice", "/hours log 2h shadowing 3/10", "/hours log 1h 1on1 3/11"), con("bob", "/hours log 1h 1on1 3/11"),
      nudge("2026-03-23T09:00:00")],
     [m(3, msg("sue") + "weekly"), m(3, msg("sue") + "\\b3 entries\\b[^\\n]*(wait|approv)")],
     "the supervisor's weekly summary says '3 entries wait for your approval'")
case("i14-queue-count-in-nudge", 14,
     [admin(), con("alice", "/hours log 2h shadowing 3/10", "/hours log 1h 1on1 3/11"), nudge("2026-07-01T10:00:00")],
     [m(2, msg("sue") + "\\b2 entries\\b[^\\n]*(wait|approv)")],
     "a supervisor's deadline nudge includes the count of entries waiting for approval")
case("i14-waiting-over-7-days-nudged", 14,
     [admin(), con("alice", "/hours log 2h shadowing 3/10", "/hours log 1h 1on1 3/11"), nudge("2026-03-23T09:00:00", dry=False),
      nudge("2026-03-26T10:00:00")],
     [m(3, msg("sue") + "(wait|approv)")],
     "entries waiting more than 7 days are nudged on their own (after the weekly summary was already sent)")
ANSWER_SH = ("cd $REPO && id=$(printf '/ask unanswered\\n' | node dist/src/main.js --console --as fran | grep -oE '\\b[0-9a-f]{8}\\b' | head -1); "
             "echo \"ID=$id\"; printf '/ask answer %s Yes, service dogs are welcome at the retreat.\\n' \"$id\" | node dist/src/main.js --console --as fran")
case("i14-ask-answer-reaches-asker", 14,
     [admin(), con("alice", "/ask can i bring my service dog to the retreat"), {"sh": ANSWER_SH}, con("alice", "/hours"), con("alice", "/hours")],
     [m(2, "ID=[0-9a-f]{8}"), m(3, "service dogs are welcome"), nm(4, "service dogs are welcome")],
     "a facilitator's answer to a saved question reaches the asker with their next reply, once")

# ---------------------------------------------------------------- issue 13
case("i13-digest-mentor-one-message", 13,
     [admin(), nudge("2026-07-01T10:00:00")],
     [m(1, "-> alice:"), nm(1, "(^-> alice:[\\s\\S]*){2}", "m"),
      m(1, msg("alice") + "Internship hours"), m(1, msg("alice") + "(Exit certification interview)"), m(1, msg("alice") + "(not logged|no hours)")],
     "one message per mentor per check, holding everything due and late")
case("i13-digest-supervisor-two-mentors", 13,
     [admin(BOB), nudge("2026-06-29T09:00:00", dry=False), nudge("2026-07-04T10:00:00")],
     [m(2, "-> sue:"), nm(2, "(^-> sue:[\\s\\S]*){2}", "m"), m(2, msg("sue") + "Alice Moore"), m(2, msg("sue") + "Bob Lee")],
     "a supervisor of two mentors gets one message at one check (the 7-day mark, weekly summary already sent), naming both")
case("i13-digest-supervisor-twelve", 13,
     [{"as": "admin", "lines": [f'/admin enroll @m{i:02d} name:"Mentor {i:02d}" supervisor:@sue hired:2026-01-05 internship-start:2026-01-12' for i in range(1, 13)] + ROLES},
      nudge("2026-06-29T09:00:00", dry=False), nudge("2026-07-04T10:00:00")],
     [m(2, "-> sue:"), nm(2, "(^-> sue:[\\s\\S]*){2}", "m"), m(2, msg("sue") + "Mentor 01[\\s\\S]*Mentor 12")],
     "a supervisor of twelve mentors gets one message listing them all")
case("i13-digest-supervisor-with-waiting", 13,
     [admin(BOB), con("alice", "/hours log 2h shadowing 3/10"), nudge("2026-06-29T09:00:00", dry=False), nudge("2026-07-04T10:00:00")],
     [m(3, "-> sue:"), nm(3, "(^-> sue:[\\s\\S]*){2}", "m"), m(3, msg("sue") + "(wait|approv)")],
     "the supervisor's one message also holds what waits for their approval")
case("i13-digest-nc-mentor", 13,
     [admin("/admin enroll @nina program:nc-peer-support supervisor:@sue hired:2026-03-01"), nudge("2026-07-01T10:00:00")],
     [m(1, "-> nina:"), nm(1, "(^-> nina:[\\s\\S]*){2}", "m"), m(1, msg("nina") + "30 days[\\s\\S]*90 days")],
     "an NC mentor with two late trainings gets one message with both")
case("i13-digest-console-inbox-then-zero", 13,
     [admin(), nudge("2026-07-01T10:00:00", dry=False), nudge("2026-07-01T10:30:00", dry=False), con("alice", "/hours")],
     [nm(1, "(^-> alice:[\\s\\S]*){2}", "m"), m(2, "\\b0 nudges sent"), m(3, "Internship hours[\\s\\S]*Exit certification interview")],
     "the digest is delivered once to the console inbox; a second check sends 0")
case("i13-amp-note-views", 13,
     [admin(), con("alice", "/hours log 1h 1on1 yesterday met Sam & mom", "/hours list"), con("sue", "/hours approve")],
     [m(1, "Sam & mom"), nm(1, "&amp;"), m(2, "Sam & mom"), nm(2, "&amp;")],
     "'Sam & mom' is shown as typed in /hours list and the supervisor's approve list")
case("i13-amp-meeting-title", 13,
     [admin(), con("fran", '/meet schedule "Sam & Mom Support" meeting weekly friday 3pm'), con("alice", "/meet list", "/meet ics")],
     [m(2, "Sam & Mom Support"), nm(2, "&amp;")],
     "a meeting title with & is kept as typed in /meet list (and .ics text not double-escaped)")
case("i13-link-kept-meeting", 13,
     [admin(), con("fran", '/meet schedule "Peer Mentor Call" teleconference every 1st thursday 2pm https://zoom.us/j/123?pwd=Ab&x=1'), con("alice", "/meet list")],
     [m(1, "https://zoom.us/j/123\\?pwd=Ab&x=1"), m(2, "https://zoom.us/j/123\\?pwd=Ab&x=1")],
     "a meeting link with ? and & is kept exactly as typed")
case("i13-link-in-note-export", 13,
     [admin(), con("alice", "/hours log 1h 1on1 3/12 notes at https://example.org/a?b=1&c=2"), con("alice", "/hours export")],
     [m(2, "https://example.org/a\\?b=1&c=2")],
     "a link in a note is stored and exported as typed")

with open(__file__.rsplit("/", 1)[0] + "/cases.jsonl", "w") as f:
    for c in cases:
        f.write(json.dumps(c) + "\n")
from collections import Counter
print(len(cases), Counter(c["issue"] for c in cases))
