import WorkbookModel

/// The template picker: Space ticks, Enter adopts the ticked commitments, Esc closes.
enum TemplatePickerReducer {
    static func reduce(_ state: inout AppState, _ picker: TemplatePicker, _ command: Command, environment: ReducerEnvironment) -> [Effect] {
        var picker = picker
        if let moved = ListCursor.moved(picker.cursor, by: command, count: picker.items.count) {
            picker.cursor = moved
            state.modal = .templates(picker)
            return []
        }
        switch command {
        case .toggleChoice:
            guard picker.items.indices.contains(picker.cursor), !picker.items[picker.cursor].isAdopted else { break }
            picker.items[picker.cursor].isChosen.toggle()
            picker.cursor = ListCursor.moved(picker.cursor, by: .moveDown, count: picker.items.count) ?? picker.cursor
        case .confirm:
            state.modal = nil
            return adopt(picker, &state, environment)
        case .cancel, .backOut, .closeOverlay:
            state.modal = nil
            return []
        case .interrupt:
            state.shouldQuit = true
            return [.quit]
        default:
            break
        }
        state.modal = .templates(picker)
        return []
    }

    /// Adds the chosen templates as open commitments made at the first meeting (today if none yet),
    /// ours owned by the user; one undoable change.
    private static func adopt(_ picker: TemplatePicker, _ state: inout AppState, _ environment: ReducerEnvironment) -> [Effect] {
        guard let account = state.accounts[picker.accountID] else { return [] }
        let chosen = picker.chosen
        guard !chosen.isEmpty else {
            state.message = StatusMessage("Nothing adopted: Space ticks a commitment, Enter adopts the ticked ones.")
            return []
        }
        var after = account
        let madeOn = account.firstMeeting ?? state.today
        after.firstMeeting = madeOn
        var firstID: CommitmentID?
        for item in chosen {
            let id = environment.newCommitmentID()
            firstID = firstID ?? id
            after.upsert(Commitment(id: id, side: item.side, text: item.text, madeOn: madeOn, owner: item.side == .intention ? state.userName : ""))
        }
        let label = "adopt \(chosen.count) commitment\(chosen.count == 1 ? "" : "s")"
        return ChecklistReducer.commit(after, replacing: account, selecting: firstID, label: label, &state)
    }
}

/// The review walk: decide each outstanding or never-reviewed commitment, or skip it.
enum ReviewWalkReducer {
    static func reduce(_ state: inout AppState, _ walk: ReviewWalk, _ command: Command) -> [Effect] {
        var walk = walk
        if var input = walk.evidenceInput {
            switch command {
            case .text(let edit):
                input.apply(edit)
                walk.evidenceInput = input
                state.modal = .review(walk)
                return []
            case .confirm:
                walk.evidenceInput = nil
                state.modal = .review(walk)
                return update(&state, walk) { $0.evidence = input.text.trimmingWhitespace() }
            case .cancel, .backOut:
                walk.evidenceInput = nil
                state.modal = .review(walk)
                return []
            case .interrupt:
                state.shouldQuit = true
                return [.quit]
            default:
                return []
            }
        }
        switch command {
        case .mark(let status):
            walk.decided[status, default: 0] += 1
            let today = state.today
            let effects = update(&state, walk) { $0.mark(status, on: today) }
            advance(&walk, &state)
            return effects
        case .skip:
            walk.skipped += 1
            advance(&walk, &state)
        case .addEvidence:
            let existing = walk.current.flatMap { state.accounts[walk.accountID]?.commitment($0)?.evidence } ?? ""
            walk.evidenceInput = TextInput(existing)
            state.modal = .review(walk)
        case .cancel, .backOut, .closeOverlay:
            state.modal = nil
            state.message = StatusMessage("Review stopped: \(walk.summary).")
        case .interrupt:
            state.shouldQuit = true
            return [.quit]
        default:
            break
        }
        return []
    }

    /// Changes the current commitment as one saved, undoable change, keeping the walk open.
    private static func update(_ state: inout AppState, _ walk: ReviewWalk, _ body: (inout Commitment) -> Void) -> [Effect] {
        guard let id = walk.current, let account = state.accounts[walk.accountID], var commitment = account.commitment(id) else { return [] }
        body(&commitment)
        let effects = ChecklistReducer.change(commitment, in: account, label: "review \u{201C}\(commitment.text)\u{201D}", &state)
        state.modal = .review(walk)
        return effects
    }

    private static func advance(_ walk: inout ReviewWalk, _ state: inout AppState) {
        walk.position += 1
        if walk.isFinished {
            state.modal = nil
            state.message = StatusMessage("Review done: \(walk.summary).")
        } else {
            state.modal = .review(walk)
        }
    }
}
