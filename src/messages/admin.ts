/** The words of /admin enroll, /admin role and the admin-only refusal. */

export const ENROLL_WHO = 'Who should I enroll? Start with their name, like @alice.';
export const noProgram = (value: string) => `There is no program "${value}".`;
export const OWN_SUPERVISOR = 'A person cannot be their own supervisor.';
export const notSupervisorYet = (name: string, mention: string) =>
  `${name} is not a supervisor yet. To change that: /admin role ${mention} supervisor`;
export const enrolled = (isNew: boolean, name: string, program: string) =>
  `${isNew ? 'Enrolled' : 'Updated'} ${name} in ${program}.`;
export const supervisorLine = (name: string) => `Supervisor: ${name}`;
export const hiredLine = (day: string) => `Hired: ${day}`;
export const internshipLine = (day: string) => `Internship starts: ${day}`;
export const addedSupervisor = (name: string) => `I also added ${name} as a supervisor.`;
export const ROLE_WHO = 'Whose role? Start with their name.';
export const notARole = (word: string) => (word ? `"${word}" is not a role.` : 'Which role?');
export const nowRole = (name: string, role: string) => `${name} is now ${role === 'admin' ? 'an' : 'a'} ${role}.`;
export const ONLY_ADMIN = 'Only an admin can do this.';
export const WHAT_TO_DO = 'What should I do?';
