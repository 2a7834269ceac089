import { nodeCapacity } from '../../lib/workloads/schedulability';

// nodeCapacity: only the D family's `l` sizes have 2 GiB per vCPU; an `l` in another family's name changes nothing.
test('an l in an E or F size name does not make it a low-memory D size', () => {
  expect(nodeCapacity('Standard_E4ls_v5')).toEqual(nodeCapacity('Standard_E4s_v5'));
  expect(nodeCapacity('Standard_F4ls_v2')).toEqual(nodeCapacity('Standard_F4s_v2'));
  expect(nodeCapacity('Standard_D4ls_v5')!.memoryMiB).toBeLessThan(nodeCapacity('Standard_D4s_v5')!.memoryMiB);
});
