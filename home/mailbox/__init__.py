"""The student help mailbox: public form and case reading (students), admin views (counsellors)."""
