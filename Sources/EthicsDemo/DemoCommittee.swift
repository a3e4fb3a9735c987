import EthicsCommittee
import Foundation

/// When the governance documents are published, and who acknowledged the latest charter when.
struct DemoCharterSchedule: Sendable {
    let v1: Date, rules: Date, v2: Date, v3: Date
    /// E-mail → when they acknowledged the charter's second (substantive) version, or its editorial successor.
    var acknowledgedLatest: [String: Date] = [:]

    func charterVersion(at date: Date) -> Int { date >= v3 ? 3 : date >= v2 ? 2 : 1 }

    /// Whether the person may be assigned as a reviewer at `date`: they accepted the charter in force.
    func mayReview(_ person: DemoPerson, at date: Date) -> Bool {
        date < v2 || (acknowledgedLatest[person.email].map { $0 <= date } ?? false)
    }
}

/// The committee's set-up, as steps: accounts, settings, profiles, seats, interests, the charter's
/// three versions and the rules of procedure, and the acknowledgements.
enum DemoCommittee {
    /// Seconds between two invitations: five minutes, closer together for a committee so large that everyone would
    /// not have joined by the second day, when the sign-ins of `DemoSignIns` begin (the ten-times demo's 867 people).
    static func joinSpacing(_ count: Int) -> TimeInterval { min(300, 0.95 * DemoDate.day / Double(max(1, count))) }

    static func events(_ world: DemoWorld, start: Date, staff: [DemoPerson], members: [DemoPerson], owners: [DemoPerson],
                       schedule: DemoCharterSchedule) -> [DemoEvent] {
        let admin = staff[0], secretary = staff[1]
        var events = opening(world, start: start, admin: admin)
        let invited = Array(staff.dropFirst() + members + owners)
        for (index, person) in invited.enumerated() {
            events.append(invitation(world, person, at: start + 3600 + Double(index) * joinSpacing(invited.count), admin: admin))
        }
        for (index, person) in members.enumerated() {
            events += onboarding(world, person, at: start + DemoDate.day + Double(index) * 900, secretary: secretary)
        }
        events += documents(world, schedule: schedule, admin: admin, secretary: secretary)
        for (index, person) in (staff + members).enumerated() {
            events += acknowledging(world, person, number: index, schedule: schedule)
        }
        return events
    }

    /// The administrator opens the platform (as with the one-time setup link), names the committee and makes the charter
    /// public.
    static func opening(_ world: DemoWorld, start: Date, admin: DemoPerson) -> [DemoEvent] {
        let opened = DemoEvent.alone(start) { state in
            let user = try await world.users.create(email: admin.email, name: admin.name, role: .admin, passwordHash: world.passwordHash,
                                                    by: AuditActor(id: nil, label: admin.email, client: admin.client))
            state.setUser(admin.email, user.id)
        }
        let named = DemoEvent.alone(start + 600) { state in
            var settings = try await world.settings.load()
            settings.committeeName = "Acme Customer Care — AI Ethics Committee"
            settings.charterPublic = true
            // Demo accounts are for exploring with one shared password: no authenticator app is needed to look
            // around. Each account can still turn two-factor on (Password page), and the admin can require it.
            settings.twoFactorRequired = .off
            _ = try await world.settings.save(settings, by: admin.actor(state))
        }
        return [opened, named]
    }

    /// The administrator invites one person: the account exists from then on.
    static func invitation(_ world: DemoWorld, _ person: DemoPerson, at joined: Date, admin: DemoPerson) -> DemoEvent {
        DemoEvent.alone(joined) { state in
            let user = try await world.users.create(email: person.email, name: person.name, role: person.role,
                                                    passwordHash: world.passwordHash, by: admin.actor(state))
            state.setUser(person.email, user.id)
        }
    }

    /// A member completes onboarding (profile, declaration, title form), then the secretary records the seat, then the
    /// member declares their interests.
    static func onboarding(_ world: DemoWorld, _ person: DemoPerson, at onboarded: Date, secretary: DemoPerson) -> [DemoEvent] {
        var events = [DemoEvent.alone(onboarded) { state in
            let settings = try await world.settings.load()
            try await world.members.completeOnboarding(
                userId: state.userId(person.email), affiliation: person.affiliation, expertise: person.expertise,
                declarationText: settings.declarationText, declarationVersion: settings.declarationVersion, by: person.actor(state))
            if person.titleForm != .neutral {
                try await world.members.saveOwnProfile(userId: state.userId(person.email), affiliation: person.affiliation,
                                                       expertise: person.expertise, titleForm: person.titleForm, by: person.actor(state))
            }
        }]
        let endDay = DemoDate.startOfDay(world.end) + DemoDate.day
        events.append(DemoEvent.alone(onboarded + 600) { state in
            try await world.members.saveSeat(
                userId: state.userId(person.email), external: person.external, position: person.position, voting: person.voting,
                termStart: person.termFromDay.map { DemoDate.iso(endDay + Double($0) * DemoDate.day) },
                termEnd: person.termToDay.map { DemoDate.iso(endDay + Double($0) * DemoDate.day) }, by: secretary.actor(state))
        })
        for (number, interest) in person.interests.enumerated() {
            events.append(DemoEvent.alone(onboarded + 1200 + Double(number) * 60) { state in
                try await world.members.addInterest(userId: state.userId(person.email), organisation: interest.organisation,
                                                    nature: interest.nature, since: nil, by: person.actor(state))
            })
        }
        return events
    }

    /// The charter (three versions) and the rules of procedure (one), each drafted by the secretary and published by the
    /// administrator.
    static func documents(_ world: DemoWorld, schedule: DemoCharterSchedule, admin: DemoPerson, secretary: DemoPerson) -> [DemoEvent] {
        func publish(_ kind: String, _ text: String, at date: Date, note: String, change: ChangeKind) -> [DemoEvent] {
            let drafted = DemoEvent.alone(date - 2 * DemoDate.day) { state in
                guard let document = try await world.charter.document(kind: kind) else { return }
                try await world.charter.saveDraft(documentId: document.id, markdown: text, basedOn: document.draftRevision,
                                                  by: secretary.actor(state))
            }
            let published = DemoEvent.alone(date) { state in
                guard let document = try await world.charter.document(kind: kind) else { return }
                _ = try await world.charter.publish(documentId: document.id, changeNote: note, change: change,
                                                    basedOn: document.draftRevision, by: admin.actor(state))
            }
            return [drafted, published]
        }
        return publish("charter", DemoCharterText.v1, at: schedule.v1, note: "First charter, adopted at the inaugural meeting.",
                       change: .substantive)
            + publish("rules", DemoCharterText.rules, at: schedule.rules, note: "Rules of procedure adopted at the inaugural meeting.",
                      change: .substantive)
            + publish("charter", DemoCharterText.v2, at: schedule.v2,
                      note: "Adds article 6 on generative AI and article 7 on staff; a human within two exchanges.", change: .substantive)
            + publish("charter", DemoCharterText.v3, at: schedule.v3, note: "Wording: examples of automated systems, retention, sources.",
                      change: .editorial)
    }

    /// Person `number` acknowledges the first charter, the rules of procedure (one member in eight leaves them
    /// unacknowledged) and, when they do, the latest charter.
    static func acknowledging(_ world: DemoWorld, _ person: DemoPerson, number: Int, schedule: DemoCharterSchedule) -> [DemoEvent] {
        func acknowledge(_ kind: String, at date: Date) -> DemoEvent {
            DemoEvent.alone(date) { state in
                guard let document = try await world.charter.document(kind: kind),
                      let current = try await world.charter.currentVersion(documentId: document.id) else { return }
                try await world.charter.acknowledge(documentId: document.id, number: current.number,
                                                    userId: state.userId(person.email), by: person.actor(state))
            }
        }
        let spread = Double(number % 40) * 3600 * 5
        var events = [acknowledge("charter", at: schedule.v1 + DemoDate.day + spread)]
        if number % 8 != 5 { events.append(acknowledge("rules", at: schedule.rules + DemoDate.day + spread)) }
        if let date = schedule.acknowledgedLatest[person.email] { events.append(acknowledge("charter", at: date)) }
        return events
    }

    /// Who acknowledges the charter's latest substantive version, and when (within three weeks of it).
    static func acknowledgements(of people: [DemoPerson], after v2: Date) -> [String: Date] {
        var dates: [String: Date] = [:]
        for (index, person) in people.enumerated() where person.acknowledgesLatest {
            dates[person.email] = v2 + DemoDate.day + Double(index % 20) * 86400 + Double(index % 7) * 3600
        }
        return dates
    }
}
