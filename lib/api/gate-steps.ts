/*
 * The copy-paste gate steps of the API page: one shell script, wrapped for each CD system. The gate
 * answers 200 whatever it decides, so the script checks the decision itself: `jq -e` exits non-zero
 * unless it is allow, which fails the step; `curl --fail-with-body` fails it on a refused question
 * (a bad token, a malformed body) and prints Tandem's error. Either way the reasons are printed.
 */

/** Reads SERVICE, ENVIRONMENT, TANDEM_TOKEN and, when set, CHANGE_REQUEST and GIT_SHA; exits 0 only on allow. */
export function gateScript(base: string): string {
  return String.raw`body=$(jq -n --arg s "$SERVICE" --arg e "$ENVIRONMENT" --arg c "\${CHANGE_REQUEST:-}" --arg sha "\${GIT_SHA:-}" \
  '{service: $s, environment: $e}
   + (if $c == "" then {} else {changeRequest: ($c | tonumber)} end)
   + (if $sha == "" then {} else {sha: $sha} end)')
answer=$(curl --fail-with-body -sS -X POST "${base}/api/v1/gate" \
  -H "Authorization: Bearer $TANDEM_TOKEN" -H "Content-Type: application/json" -d "$body") \
  || { echo "Tandem refused the question: $answer"; exit 1; }
echo "$answer" | jq -r '"Tandem: \(.decision)", (.reasons[] | "  \(.code): \(.message)")'
echo "$answer" | jq -e '.decision == "allow"' > /dev/null`.replaceAll("\\${", "${");
}

const indent = (text: string, spaces: number) =>
  text
    .split("\n")
    .map((line) => " ".repeat(spaces) + line)
    .join("\n");

/** The CD systems a gate step is written for; the API page names each in the reader's language. */
export type GateSystem = "github" | "gitlab" | "jenkins" | "argocd";

export function gateSteps(base: string): { system: GateSystem; code: string }[] {
  const script = gateScript(base);
  return [
    {
      system: "github",
      code: `- name: Ask Tandem's gate
  env:
    TANDEM_TOKEN: \${{ secrets.TANDEM_TOKEN }}
    SERVICE: \${{ github.event.repository.name }}
    ENVIRONMENT: production
    CHANGE_REQUEST: \${{ vars.CHANGE_REQUEST }}
    GIT_SHA: \${{ github.sha }}
  run: |
${indent(script, 4)}`,
    },
    {
      system: "gitlab",
      code: `tandem-gate:
  stage: deploy
  image: alpine:3.20
  variables:
    SERVICE: $CI_PROJECT_NAME
    ENVIRONMENT: production
    GIT_SHA: $CI_COMMIT_SHA
  before_script:
    - apk add --no-cache curl jq
  script:
    - |
${indent(script, 6)}
# TANDEM_TOKEN (masked) and CHANGE_REQUEST are CI/CD variables; the deploy job says needs: [tandem-gate]`,
    },
    {
      system: "jenkins",
      // Groovy's ''' strings read backslashes as escapes: each one is doubled to reach the shell as written.
      code: `stage('Tandem gate') {
  environment {
    TANDEM_TOKEN = credentials('tandem-token')
    SERVICE = 'checkout'
    ENVIRONMENT = 'production'
    GIT_SHA = "\${env.GIT_COMMIT}"
  }
  steps {
    sh '''
${indent(script.replaceAll("\\", "\\\\"), 6)}
    '''
  }
}`,
    },
    {
      system: "argocd",
      code: `apiVersion: batch/v1
kind: Job
metadata:
  name: tandem-gate
  annotations:
    argocd.argoproj.io/hook: PreSync
    argocd.argoproj.io/hook-delete-policy: BeforeHookCreation
spec:
  backoffLimit: 0
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: gate
          image: alpine:3.20
          env:
            - name: TANDEM_TOKEN
              valueFrom: { secretKeyRef: { name: tandem, key: token } }
            - { name: SERVICE, value: checkout }
            - { name: ENVIRONMENT, value: production }
            - { name: CHANGE_REQUEST, value: "" }
          command: ["/bin/sh", "-c"]
          args:
            - |
              apk add --no-cache curl jq > /dev/null
${indent(script, 14)}`,
    },
  ];
}
