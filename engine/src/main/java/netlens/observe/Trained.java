package netlens.observe;

import netlens.data.Split;
import netlens.linalg.Gemm;
import netlens.nn.Mlp;

/** What an observable sees after training: the network before and after, the whole data, the run's workers. */
public record Trained(Mlp initial, Mlp network, Split split, Gemm gemm) {}
