import { runScript } from './open-for-script'
import { seedDatabase } from './seed/seed-database'

void runScript('db:seed', (handle) => seedDatabase(handle.db), 'owner')
