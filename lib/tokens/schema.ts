import { z } from "zod";
import { TOKEN_ROLES } from "@/lib/auth/roles";
import { singleLineName } from "@/lib/single-line";
import { oneOf } from "@/lib/validation";
import { recordId } from "@/lib/whole-number";

/** One schema for the Settings form, its server action and `tandem token create`. */
export const newTokenSchema = z.object({
  name: singleLineName(100),
  role: oneOf(TOKEN_ROLES),
});

export const revokeTokenSchema = z.object({
  id: recordId("must be a token id"),
});
