import Foundation
import Hummingbird

/// `/meetings/{id}/pack`: the reader's own meeting pack, printable; each generation goes to the view log.
struct MeetingPackController {
    let views: MeetingViews
    let builder: MeetingPackBuilder
    let renderer: Renderer
    let viewLog: ViewLog

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get(RouterPath(Paths.meetingPackPattern), use: show)
    }

    func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        let record = try await views.load(context)
        let pack = try await builder.pack(record, context: context)
        try await viewLog.record(context, action: "meeting.pack_generated", targetType: "meeting", targetId: record.meeting.id)
        return try renderer.standalone("meetings/pack", pack, context: context)
    }
}
