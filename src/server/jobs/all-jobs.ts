/**
 * Every job type the worker can run. Job definitions register themselves when their module is
 * imported; the worker imports this file first so that no job waits for a module nobody loaded.
 */
import "server-only";
import "@/modules/realtime/realtime.jobs";
import "@/modules/notifications/notifications.jobs";
import "@/modules/mail/mail.jobs";
import "@/modules/outgoing/outgoing.esp";
import "@/modules/search/search.jobs";
import "@/modules/tasks/tasks.jobs";
import "@/modules/presence/presence.jobs";
import "./maintenance";
