"""The student help mailbox: public form and case reading (students), admin views (counsellors)."""

# Size limits, shared by the student form and the counsellor reply form.
MESSAGE_MAX_LENGTH = 5000
CASE_CODE_INPUT_MAX_LENGTH = 20
PIN_INPUT_MAX_LENGTH = 20
