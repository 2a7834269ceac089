import { AKS_ENTRA_SERVER_ID, kubeloginExec } from '../../lib/stamp/kubelogin';

/** lib/stamp/kubelogin.ts: the kubernetes provider's exec block per deployer login mode. */

describe('kubeloginExec', () => {
  test('the AKS Entra ID server application is the audience of every token', () => {
    expect(AKS_ENTRA_SERVER_ID).toBe('6dae42f8-4368-4678-94ff-3960e28e3630');
  });

  test.each([
    ['azurecli', ['--login', 'azurecli']],
    ['servicePrincipal', ['--login', 'spn', '--use-azurerm-env-vars']],
    ['workloadIdentity', ['--login', 'workloadidentity', '--use-azurerm-env-vars']],
    ['managedIdentity', ['--login', 'msi', '--use-azurerm-env-vars']],
  ] as const)('%s: kubelogin get-token %j for the AKS server application', (mode, login) => {
    expect(kubeloginExec(mode)).toEqual({
      apiVersion: 'client.authentication.k8s.io/v1beta1',
      command: 'kubelogin',
      args: ['get-token', ...login, '--server-id', '6dae42f8-4368-4678-94ff-3960e28e3630'],
    });
  });
});
