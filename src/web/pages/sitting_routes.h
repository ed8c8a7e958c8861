#pragma once
// Sittings, seat plans and admission tickets on the web (F6, F7), registered in one place:
//   station  /station/rooms (list, create), /station/sittings (list, create),
//            /station/sittings/:id (rooms, seat plan with masked ID numbers, assign candidates,
//            move a seat, proctors and examiners), /station/sittings/:id/tickets (all tickets, to
//            print), /station/registrations/:id/ticket.pdf (one candidate's PDF)
//   candidate /me/ticket (printable page), /me/ticket.pdf
// Every route declares its role; the use cases check the station or the candidate again.

#include "app/platform.h"
#include "web/routes.h"
#include "web/views.h"

namespace rc::web {

void add_sitting_routes(Routes& routes, app::Platform& platform, const Views& views);

// Split by page family (sitting_station_pages.cpp, ticket_pages.cpp).
void add_sitting_station_pages(Routes& routes, app::Platform& platform, const Views& views);
void add_ticket_pages(Routes& routes, app::Platform& platform, const Views& views);

}  // namespace rc::web
