"""Reads an .ics file with the Python icalendar library (not ours) and prints its events as JSON:
the check that what Attaché writes is what any calendar program reads."""
import json
import sys
from datetime import timezone

from icalendar import Calendar

with open(sys.argv[1], "rb") as f:
    calendar = Calendar.from_ical(f.read())

zones = [str(tz.get("tzid")) for tz in calendar.walk("VTIMEZONE")]
events = []
for event in calendar.walk("VEVENT"):
    attendees = event.get("attendee") or []
    if not isinstance(attendees, list):
        attendees = [attendees]
    start, end = event.decoded("dtstart"), event.decoded("dtend")
    events.append({
        "uid": str(event.get("uid")),
        "sequence": int(event.get("sequence", 0)),
        "summary": str(event.get("summary")),
        "location": str(event.get("location")) if event.get("location") else None,
        "start": start.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M"),
        "end": end.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M"),
        "tzid": event["dtstart"].params.get("TZID"),
        "attendees": [str(a.params.get("CN")) for a in attendees],
    })
print(json.dumps({"zones": zones, "events": events}))
