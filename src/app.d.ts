// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	namespace App {
		// Locals { user, session } arrive with the desk (sign-in per the Lucia guide).
		// interface Locals {}
	}
	namespace NodeJS {
		interface Process {
			/** adapter-node emits this after its HTTP server has drained. */
			once(event: 'sveltekit:shutdown', listener: (reason: string) => void): this;
		}
	}
}

export {};
