// The embedding example's own script (a file of its own: the portal's CSP allows no inline
// scripts). It listens to the element's events and shows what a portal receives.
const checker = document.getElementById('checker');
const log = document.getElementById('event-log');
checker.addEventListener('nianbao-result', (e) => {
  const { file, result } = e.detail;
  log.textContent = `nianbao-result：${file}，错误 ${result.stats.errors}，警告 ${result.stats.warnings}，格式 ${result.meta.format}`;
  log.dataset.errors = String(result.stats.errors);
});
checker.addEventListener('nianbao-error', (e) => {
  log.textContent = `nianbao-error：${e.detail.file}：${e.detail.message}`;
});
