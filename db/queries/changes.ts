import type { DbOrTx } from "../client";
import { changeRequests, type ChangeRequest, type NewChangeRequest } from "../schema";

export function insertChange(db: DbOrTx, values: NewChangeRequest): ChangeRequest {
  return db.insert(changeRequests).values(values).returning().get();
}
