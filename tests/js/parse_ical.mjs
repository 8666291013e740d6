// Parse an iCalendar file with ical.js (the parser behind Thunderbird and many web calendars)
// and print what a client would see, as JSON: used by tests/export/test_clients.py.
import { readFileSync } from "node:fs";
import ICAL from "ical.js";

const text = readFileSync(process.argv[2], "utf8");
const calendar = new ICAL.Component(ICAL.parse(text));
const events = calendar.getAllSubcomponents("vevent").map((component) => {
  const event = new ICAL.Event(component);
  return {
    uid: event.uid,
    summary: event.summary,
    description: event.description,
    start: event.startDate.toString(),
    end: event.endDate.toString(),
    isDate: event.startDate.isDate,
    sequence: event.sequence,
    status: component.getFirstPropertyValue("status"),
    categories: component.getAllProperties("categories").flatMap((p) => p.getValues()),
    location: event.location,
  };
});
console.log(JSON.stringify({
  name: calendar.getFirstPropertyValue("x-wr-calname"),
  refresh: String(calendar.getFirstPropertyValue("refresh-interval")),
  count: events.length,
  uids: events.map((e) => e.uid),
  summaries: events.map((e) => e.summary),
  events,
}));
