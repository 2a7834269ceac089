import type { DeployerLogin } from './regional-stamp-types';

// Internal: how the `-apps` stacks' kubernetes provider authenticates (not exported from the package).

/** Application ID of the AKS Entra ID server application (the audience kubelogin requests tokens for). */
export const AKS_ENTRA_SERVER_ID = '6dae42f8-4368-4678-94ff-3960e28e3630';

/**
 * kubelogin's login method for each way the deployer authenticates, with the flag that makes it read the same
 * identity as azurerm (`--use-azurerm-env-vars`: ARM_CLIENT_ID, ARM_CLIENT_SECRET / ARM_CLIENT_CERTIFICATE_PATH,
 * ARM_TENANT_ID; Azure/kubelogin pkg/internal/token/options.go; workload identity still takes its token file from
 * AZURE_FEDERATED_TOKEN_FILE, or in GitHub Actions from the runner). `AAD_LOGIN_METHOD` overrides the method at run time.
 */
const LOGIN_ARGS: { readonly [mode in DeployerLogin]: readonly string[] } = {
  azurecli: ['--login', 'azurecli'],
  servicePrincipal: ['--login', 'spn', '--use-azurerm-env-vars'],
  workloadIdentity: ['--login', 'workloadidentity', '--use-azurerm-env-vars'],
  managedIdentity: ['--login', 'msi', '--use-azurerm-env-vars'],
};

/** The kubernetes provider's `exec` block for a deployer login mode. */
export function kubeloginExec(mode: DeployerLogin): { apiVersion: string; command: string; args: string[] } {
  return { apiVersion: 'client.authentication.k8s.io/v1beta1', command: 'kubelogin', args: ['get-token', ...LOGIN_ARGS[mode], '--server-id', AKS_ENTRA_SERVER_ID] };
}
