// Names for the shapes of the API contract. The types come from docs/openapi.json, which the
// platform assembles from each module's src/<module>/openapi/*.json; `npm run gen:api` (run by dev,
// build and typecheck) turns it into src/api/generated/schema.d.ts, which is not committed.
// When the compiler says a field is missing, fix the module's fragment, not this file.
import type { components, paths } from './generated/schema'

type Method = 'get' | 'put' | 'post' | 'delete' | 'patch'
type Operation<P extends keyof paths, M extends Method> = NonNullable<paths[P][M]>
type Json<R> = R extends { content: { 'application/json': infer B } } ? B : never
type Success<R> = R extends { 200: infer A } ? A : R extends { 201: infer A } ? A : R extends { 204: infer A } ? A : never

/** The JSON body of the success answer of an operation: `Answer<'/api/applications/{id}', 'get'>`. */
export type Answer<P extends keyof paths, M extends Method> =
  Operation<P, M> extends { responses: infer R } ? Json<Success<R>> : never

/** The JSON request body of an operation, where its fragment describes one. */
export type Body<P extends keyof paths, M extends Method> =
  Operation<P, M> extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never

/** A named schema of the contract: `Schema<'Agency'>`. */
export type Schema<N extends keyof components['schemas']> = components['schemas'][N]

/** The element type of a list answer (`{items: T[], ...}` or `T[]`). */
export type Item<L> = L extends { items: (infer T)[] } ? T : L extends (infer T)[] ? T : never

/**
 * A generated type with some properties replaced, for the places where a module's fragment is still
 * looser than its answers (an array whose items it does not describe, a nullable it does not mark).
 * Each use names what the fragment lacks; when the fragment is fixed, the refinement goes.
 */
export type Refine<T, R> = Omit<T, keyof R> & R
