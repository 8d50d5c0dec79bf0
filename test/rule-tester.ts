import { RuleTester } from '@typescript-eslint/rule-tester';

/** A RuleTester for untyped cases: TypeScript syntax, no type information (the fast path). */
export function createRuleTester(): RuleTester {
  return new RuleTester();
}
