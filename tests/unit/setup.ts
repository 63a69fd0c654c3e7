// Unit tests run the ml layer on tfjs-core: the CPU backend registers itself on import, and the
// gradient functions that tests compare our hand-written backward passes with are registered here
// (the app itself uses no autodiff; a lesson that does imports the registration in its model).
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
