/** Polish and English texts of the notifications module. */
export const pl = {
  title: "Powiadomienia",
  description:
    "Co wydarzyło się w Twoich sprawach i pismach. Kliknij powiadomienie, aby przejść do pisma lub sprawy.",
  bell: "Powiadomienia",
  bellUnread: "Powiadomienia: {count} nieprzeczytane",
  latest: "Najnowsze powiadomienia",
  empty: "Nie masz powiadomień.",
  emptyUnread: "Nie masz nieprzeczytanych powiadomień.",
  showAll: "Wszystkie powiadomienia",
  showUnread: "Tylko nieprzeczytane",
  markRead: "Oznacz jako przeczytane",
  markAllRead: "Oznacz wszystkie jako przeczytane",
  markedAllRead: "Wszystkie powiadomienia oznaczono jako przeczytane.",
  unread: "Nieprzeczytane",
  read: "Przeczytane",
  open: "Otwórz",
  settings: "Ustawienia powiadomień",
  onBehalfOf: "(w zastępstwie za: {name})",
  announce: "Nowe powiadomienie: {title}",
  live: {
    connected: "Aktualizacje na żywo działają",
    offline:
      "Brak połączenia na żywo — dane odświeżą się po przeładowaniu strony",
  },
  preferences: {
    title: "Ustawienia powiadomień",
    description:
      "Wybierz dla każdego rodzaju zdarzenia, jak chcesz się o nim dowiadywać. Zestawienie dzienne przychodzi e-mailem o 7:00.",
    type: "Zdarzenie",
    delivery: "Sposób",
    save: "Zapisz ustawienia",
    saved: "Ustawienia powiadomień zapisano.",
    deliveries: {
      IN_APP: "Tylko w systemie",
      EMAIL: "W systemie i e-mailem od razu",
      DIGEST: "W systemie i w zestawieniu dziennym",
      OFF: "Wyłączone",
    },
    email: "Adres e-mail powiadomień: {email}",
  },
  types: {
    letter: {
      assigned: {
        name: "Nowe pismo do mnie",
        description:
          "Pismo zadekretowane na mnie lub na komórkę, którą kieruję.",
        title: "Nowe pismo: {label}",
        titleInfo: "Pismo do wiadomości: {label}",
        body: "„{subject}” — przekazał(a): {by}.",
      },
    },
    approval: {
      requested: {
        name: "Pismo do akceptacji",
        description: "Projekt pisma wychodzącego czeka na moją akceptację.",
        title: "Do akceptacji: {label}",
        body: "„{subject}” — autor: {author}.",
      },
      decided: {
        name: "Decyzja w sprawie mojego pisma",
        description:
          "Mój projekt pisma został zaakceptowany albo zwrócony do poprawy.",
        titleApproved: "Zaakceptowano: {label}",
        titleReturned: "Zwrócono do poprawy: {label}",
        bodyApproved:
          "„{subject}” — akceptacja: {by}. Pismo czeka na wysyłkę w kancelarii.",
        bodyReturned: "„{subject}” — zwrócił(a): {by}. Uwagi: {comment}",
      },
    },
    case: {
      "deadline-approaching": {
        name: "Zbliża się termin sprawy",
        description:
          "Do terminu załatwienia mojej sprawy zostały najwyżej 3 dni.",
        title: "Termin sprawy {mark}: {due}",
        body: "„{title}” — termin załatwienia mija {due}.",
      },
      "deadline-missed": {
        name: "Minął termin sprawy",
        description:
          "Sprawa, którą prowadzę, nie została załatwiona w terminie.",
        title: "Minął termin sprawy {mark}",
        body: "„{title}” — termin upłynął {due}. Rozważ zawiadomienie strony (art. 36 KPA).",
      },
    },
  },
  email: {
    open: "Otwórz w systemie",
    digestDate: "{date}",
  },
};

export const en: typeof pl = {
  title: "Notifications",
  description:
    "What happened in your cases and letters. Click a notification to open the letter or case.",
  bell: "Notifications",
  bellUnread: "Notifications: {count} unread",
  latest: "Latest notifications",
  empty: "You have no notifications.",
  emptyUnread: "You have no unread notifications.",
  showAll: "All notifications",
  showUnread: "Unread only",
  markRead: "Mark as read",
  markAllRead: "Mark all as read",
  markedAllRead: "All notifications marked as read.",
  unread: "Unread",
  read: "Read",
  open: "Open",
  settings: "Notification settings",
  onBehalfOf: "(substituting for: {name})",
  announce: "New notification: {title}",
  live: {
    connected: "Live updates are on",
    offline: "No live connection — data will refresh when you reload the page",
  },
  preferences: {
    title: "Notification settings",
    description:
      "Choose for each kind of event how you want to hear about it. The daily digest arrives by e-mail at 7:00.",
    type: "Event",
    delivery: "Delivery",
    save: "Save settings",
    saved: "Notification settings saved.",
    deliveries: {
      IN_APP: "In the app only",
      EMAIL: "In the app and by e-mail at once",
      DIGEST: "In the app and in the daily digest",
      OFF: "Off",
    },
    email: "Notification e-mail address: {email}",
  },
  types: {
    letter: {
      assigned: {
        name: "New letter for me",
        description: "A letter assigned to me or to the department I run.",
        title: "New letter: {label}",
        titleInfo: "Letter for information: {label}",
        body: "“{subject}” — from: {by}.",
      },
    },
    approval: {
      requested: {
        name: "Letter to approve",
        description: "A draft outgoing letter waits for my approval.",
        title: "To approve: {label}",
        body: "“{subject}” — author: {author}.",
      },
      decided: {
        name: "Decision on my letter",
        description: "My draft letter was approved or returned for correction.",
        titleApproved: "Approved: {label}",
        titleReturned: "Returned for correction: {label}",
        bodyApproved:
          "“{subject}” — approved by {by}. The letter waits for dispatch in the registry office.",
        bodyReturned: "“{subject}” — returned by {by}. Comments: {comment}",
      },
    },
    case: {
      "deadline-approaching": {
        name: "Case deadline approaching",
        description:
          "At most 3 days are left until the due date of a case I handle.",
        title: "Case {mark} due {due}",
        body: "“{title}” — due {due}.",
      },
      "deadline-missed": {
        name: "Case deadline missed",
        description: "A case I handle was not settled by its due date.",
        title: "Case {mark} is overdue",
        body: "“{title}” — the deadline passed on {due}. Consider notifying the party (art. 36 KPA).",
      },
    },
  },
  email: {
    open: "Open in the app",
    digestDate: "{date}",
  },
};
