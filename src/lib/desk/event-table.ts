/** Sorting and filtering of the story editor's event table (pure, unit-tested). */
import type { EventKind, Verification } from '$lib/types';

export interface TableEvent {
	id: number;
	title: string;
	kind: EventKind;
	verification: Verification;
	status: 'draft' | 'published';
	occurredStart: Date;
}

export type SortKey = 'date' | 'title' | 'kind' | 'verification' | 'status';

export interface TableView {
	sort: SortKey;
	descending: boolean;
	kind: EventKind | '';
	verification: Verification | '';
}

export function viewEvents<T extends TableEvent>(events: readonly T[], view: TableView): T[] {
	const key = (event: T): string | number =>
		view.sort === 'date' ? event.occurredStart.getTime() : event[view.sort].toLowerCase();
	return events
		.filter((event) => !view.kind || event.kind === view.kind)
		.filter((event) => !view.verification || event.verification === view.verification)
		.toSorted((a, b) => {
			const [ka, kb] = [key(a), key(b)];
			const order = ka < kb ? -1 : ka > kb ? 1 : a.id - b.id;
			return view.descending ? -order : order;
		});
}
